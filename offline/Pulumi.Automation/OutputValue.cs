namespace Pulumi.Automation;

/// <summary>A stack output as the engine reports it.</summary>
public sealed class OutputValue
{
    internal OutputValue(object value, bool isSecret)
    {
        Value = value;
        IsSecret = isSecret;
    }

    public object Value { get; }

    public bool IsSecret { get; }
}

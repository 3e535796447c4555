namespace Pulumi.Automation;

/// <summary>A stack config value; secret values are stored encrypted by the real CLI (offline: as a placeholder).</summary>
public class ConfigValue
{
    public ConfigValue(string value, bool isSecret = false)
    {
        Value = value;
        IsSecret = isSecret;
    }

    public string Value { get; set; }

    public bool IsSecret { get; set; }
}

using Amazon.Runtime;

namespace Amazon.CloudWatch;

/// <summary>An alarm's state.</summary>
public class StateValue : ConstantClass
{
    public static readonly StateValue ALARM = new("ALARM");
    public static readonly StateValue INSUFFICIENT_DATA = new("INSUFFICIENT_DATA");
    public static readonly StateValue OK = new("OK");

    public StateValue(string value) : base(value)
    {
    }

    public static StateValue FindValue(string value) => FindValue<StateValue>(value);

    public static implicit operator StateValue(string value) => FindValue(value);
}

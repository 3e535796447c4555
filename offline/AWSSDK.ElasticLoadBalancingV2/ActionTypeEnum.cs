using Amazon.Runtime;

namespace Amazon.ElasticLoadBalancingV2;

/// <summary>A listener or rule action's type; only the forward action is used here.</summary>
public class ActionTypeEnum : ConstantClass
{
    public static readonly ActionTypeEnum Forward = new("forward");

    public ActionTypeEnum(string value) : base(value)
    {
    }

    public static ActionTypeEnum FindValue(string value) => FindValue<ActionTypeEnum>(value);

    public static implicit operator ActionTypeEnum(string value) => FindValue(value);
}

using Amazon.Runtime;

namespace Amazon.ECS;

/// <summary>Whether a task's network interface gets a public address; tasks here run in private subnets.</summary>
public class AssignPublicIp : ConstantClass
{
    public static readonly AssignPublicIp DISABLED = new("DISABLED");

    public AssignPublicIp(string value) : base(value)
    {
    }

    public static AssignPublicIp FindValue(string value) => FindValue<AssignPublicIp>(value);

    public static implicit operator AssignPublicIp(string value) => FindValue(value);
}

using Amazon.Runtime;

namespace Amazon.ECS;

/// <summary>Where a task runs; only Fargate is used here.</summary>
public class LaunchType : ConstantClass
{
    public static readonly LaunchType FARGATE = new("FARGATE");

    public LaunchType(string value) : base(value)
    {
    }

    public static LaunchType FindValue(string value) => FindValue<LaunchType>(value);

    public static implicit operator LaunchType(string value) => FindValue(value);
}

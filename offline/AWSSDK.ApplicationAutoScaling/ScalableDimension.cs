using Amazon.Runtime;

namespace Amazon.ApplicationAutoScaling;

/// <summary>What of a resource is scaled; only the ECS service's desired count is used here.</summary>
public class ScalableDimension : ConstantClass
{
    public static readonly ScalableDimension EcsServiceDesiredCount = new("ecs:service:DesiredCount");

    public ScalableDimension(string value) : base(value)
    {
    }

    public static ScalableDimension FindValue(string value) => FindValue<ScalableDimension>(value);

    public static implicit operator ScalableDimension(string value) => FindValue(value);
}

using Amazon.Runtime;

namespace Amazon.ApplicationAutoScaling;

/// <summary>The AWS service whose resource is scaled; only ECS is used here.</summary>
public class ServiceNamespace : ConstantClass
{
    public static readonly ServiceNamespace Ecs = new("ecs");

    public ServiceNamespace(string value) : base(value)
    {
    }

    public static ServiceNamespace FindValue(string value) => FindValue<ServiceNamespace>(value);

    public static implicit operator ServiceNamespace(string value) => FindValue(value);
}

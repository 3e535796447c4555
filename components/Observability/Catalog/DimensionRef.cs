using Infra.Stacks.Settings;

namespace Infra.Components.Observability.Catalog;

/// <summary>
/// A dimension value the catalog cannot know (it is computed by another component), named by what it refers to.
/// The components resolve it to an input through <c>MetricDimensions</c>, which keeps the catalog Pulumi-free.
/// </summary>
public abstract record DimensionRef;

/// <summary>The shared load balancer's ARN suffix (<c>app/name/id</c>).</summary>
public sealed record LoadBalancerRef : DimensionRef
{
    public override string ToString() => "load balancer";
}

/// <summary>The ARN suffix of one color's target group.</summary>
public sealed record TargetGroupRef(string Service, Color Color) : DimensionRef
{
    public override string ToString() => $"target group of {Service}/{Color.ToConfigName()}";
}

/// <summary>The ECS cluster's name.</summary>
public sealed record ClusterRef : DimensionRef
{
    public override string ToString() => "cluster";
}

/// <summary>The ECS service name of one color.</summary>
public sealed record EcsServiceRef(string Service, Color Color) : DimensionRef
{
    public override string ToString() => $"service {Service}/{Color.ToConfigName()}";
}

/// <summary>A Synthetics canary, by its name (known before deployment, so it resolves to itself).</summary>
public sealed record CanaryRef(string Name) : DimensionRef
{
    public override string ToString() => $"canary {Name}";
}

/// <summary>Which database instance a metric is about.</summary>
public enum DatabaseRole { Primary, Replica }

/// <summary>The RDS instance identifier of the primary or of the cross-region replica.</summary>
public sealed record DbInstanceRef(DatabaseRole Role) : DimensionRef
{
    public override string ToString() => $"db instance {(Role == DatabaseRole.Primary ? "primary" : "replica")}";
}

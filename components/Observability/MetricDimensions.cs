using Infra.Components.Observability.Catalog;
using Infra.Stacks.Settings;
using Pulumi;

namespace Infra.Components.Observability;

/// <summary>
/// The values behind the catalog's dimension references, from the traffic and data components' outputs.
/// </summary>
public sealed class MetricDimensions
{
    /// <summary>The ALB's ARN suffix (<c>app/&lt;name&gt;/&lt;id&gt;</c>), as the <c>LoadBalancer</c> dimension wants it.</summary>
    public required Input<string> LoadBalancerArnSuffix { get; init; }

    /// <summary>Per service, each color's target group ARN suffix (<c>targetgroup/&lt;name&gt;/&lt;id&gt;</c>).</summary>
    public required IReadOnlyDictionary<string, ColorPair<Input<string>>> TargetGroupArnSuffixes { get; init; }

    public required Input<string> ClusterName { get; init; }

    /// <summary>Per service, each color's ECS service name.</summary>
    public required IReadOnlyDictionary<string, ColorPair<Input<string>>> EcsServiceNames { get; init; }

    /// <summary>The primary RDS instance identifier.</summary>
    public required Input<string> PrimaryDbInstanceId { get; init; }

    /// <summary>The cross-region replica's identifier. Default: none; required when the catalog has a replica alarm.</summary>
    public Input<string>? ReplicaDbInstanceId { get; init; }

    public Input<string> Resolve(DimensionRef reference) => reference switch
    {
        LoadBalancerRef => LoadBalancerArnSuffix,
        TargetGroupRef tg => PerColor(TargetGroupArnSuffixes, nameof(TargetGroupArnSuffixes), tg.Service)[tg.Color],
        ClusterRef => ClusterName,
        EcsServiceRef ecs => PerColor(EcsServiceNames, nameof(EcsServiceNames), ecs.Service)[ecs.Color],
        CanaryRef canary => canary.Name,
        DbInstanceRef { Role: DatabaseRole.Primary } => PrimaryDbInstanceId,
        DbInstanceRef => ReplicaDbInstanceId ?? throw new ArgumentException(
            $"{nameof(ReplicaDbInstanceId)} is not set but the catalog has a replica alarm; pass the replica's identifier", "args"),
        _ => throw new ArgumentOutOfRangeException(nameof(reference), reference, "unknown dimension reference"),
    };

    /// <summary>The dimensions of <paramref name="metric"/> with their values resolved.</summary>
    public InputMap<string> For(MetricStat metric)
    {
        var map = new InputMap<string>();
        foreach (var dimension in metric.Dimensions) map.Add(dimension.Name, Resolve(dimension.Value));
        return map;
    }

    private static ColorPair<Input<string>> PerColor(IReadOnlyDictionary<string, ColorPair<Input<string>>> values, string property, string service) =>
        values.TryGetValue(service, out var pair)
            ? pair
            : throw new ArgumentException($"{property} has no entry for service '{service}'; pass one per service in the stack", "args");
}

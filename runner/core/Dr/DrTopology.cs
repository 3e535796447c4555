using Infra.Runner.Rollout;

namespace Infra.Runner.Dr;

/// <summary>
/// What failover and fail-back act on, read from the stack file (regions) and the stack outputs (identifiers), both of
/// which live outside AWS's regions: the stack file in the checkout, the outputs in the Pulumi backend.
/// </summary>
/// <param name="Primary">The stack's own region (<c>aws:region</c>) and what lives there.</param>
/// <param name="Dr">The DR region (<c>infra:drRegion</c>) and what lives there.</param>
/// <param name="HealthCheckId">The calculated Route 53 health check on the PRIMARY failover record (<c>dr.healthCheckId</c>); null without <c>infra:dr.dns</c>.</param>
/// <param name="PrimaryHealthUrl">The primary load balancer's health URL (<c>url</c> + the default service's health path).</param>
/// <param name="Replica">What a replica fail-back creates must match (the program's declaration); null leaves RDS's defaults.</param>
public sealed record DrTopology(string StackName, DrRegionSide Primary, DrRegionSide Dr, string? HealthCheckId, string PrimaryHealthUrl, ReplicaSettings? Replica = null);

/// <summary>One region's share: its database instance and its services.</summary>
/// <param name="InstanceId">The primary's identifier in the primary region; the replica's in the DR region.</param>
/// <param name="Services">The ECS services that serve traffic in this region, with the task count each runs when live.</param>
/// <param name="EveryColor">
/// Both colors' ECS services of every service in this region; null when only <paramref name="Services"/> are known.
/// </param>
public sealed record DrRegionSide(string Region, string InstanceId, string ClusterName, IReadOnlyList<DrService> Services, IReadOnlyList<DrService>? EveryColor = null)
{
    /// <summary>
    /// What stopping a region, fencing it and asking whether it may take writes cover: every color, not only the routed
    /// ones, since a color no release routes to can still run tasks that write (failover scaled both colors of an
    /// unreadable release, a color scaled by hand in an outage, a rollout's idle color).
    /// </summary>
    public IReadOnlyList<DrService> Writers => EveryColor ?? Services;

    /// <summary>
    /// Each service's weights carrier in this region's load balancer, with both colors (the DR side only): failover also
    /// scales a color the load balancer still forwards to that <see cref="Services"/> (the ledger's release) leaves out.
    /// </summary>
    public IReadOnlyList<DrRoute> Routes { get; init; } = [];
}

/// <summary>A service's weights carrier in a region's load balancer and its ECS service of each color, at the capacity a color taking traffic runs.</summary>
/// <param name="Route">Null when the stack outputs name none (the last update ran an older program).</param>
public sealed record DrRoute(string Service, TrafficRoute? Route, DrService Blue, DrService Green);

/// <summary>An ECS service and the tasks it runs while its region is live.</summary>
/// <param name="MinCount">Its autoscaling minimum while live, as the program declares it; null pins it at <paramref name="LiveCount"/>.</param>
/// <param name="MaxCount">Its autoscaling maximum while live, as the program declares it; null pins it at <paramref name="LiveCount"/>.</param>
public sealed record DrService(string Name, string EcsServiceName, int LiveCount, int? MinCount = null, int? MaxCount = null)
{
    /// <summary>What the service runs while its region is live.</summary>
    public ServiceCapacity Live => new(LiveCount, MinCount ?? LiveCount, MaxCount ?? LiveCount);
}

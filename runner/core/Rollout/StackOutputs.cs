namespace Infra.Runner.Rollout;

/// <summary>
/// What the stack exports per color of a service: what a deploy targets and which alarms gate traffic on it.
/// <see cref="ScalingTargetUrn"/> owns the color's task count (ECS ignores later changes to desiredCount), so every
/// update that changes whether a color runs targets it.
/// </summary>
public sealed record ColorOutputs(string TaskDefinitionUrn, string ServiceUrn, string ScalingTargetUrn, IReadOnlyList<string> GateAlarmNames)
{
    /// <summary>The color's target group as CloudWatch's TargetGroup dimension names it (<c>targetgroup/NAME/ID</c>); null when the stack does not export it.</summary>
    public string? TargetGroupArnSuffix { get; init; }

    /// <summary>The color's task definition as a migration task runs it; null when the stack does not export it.</summary>
    public string? TaskDefinitionArn { get; init; }
}

/// <summary>
/// A service's stack outputs. <see cref="TrafficUrns"/> are the listener/rule resources that carry its weights:
/// the only resources a weight change or a rollback updates. <see cref="TestRouteUrn"/> is the test listener's
/// route, which forwards to the color that is not live. <see cref="LiveColor"/> and <see cref="Weights"/> are what
/// was last deployed, to tell a ledger the stack never applied from the stack. <see cref="Host"/> and <see cref="PathPattern"/> are
/// the listener rule's conditions (null when the service has none), which a smoke request must match to reach this
/// service rather than the default one; <see cref="HealthCheckPath"/> is the smoke path when none is given.
/// <see cref="Preview"/> is the service's preview rule on the production listener (null on a stack updated before
/// it existed).
/// </summary>
public sealed record ServiceOutputs(
    string Name,
    IReadOnlyList<string> TrafficUrns,
    string TestRouteUrn,
    ColorOutputs Blue,
    ColorOutputs Green,
    IReadOnlyList<string> CriticalAlarmNames,
    string TestUrl,
    DeployColor LiveColor,
    TrafficWeights Weights,
    string? Host,
    string? PathPattern,
    string HealthCheckPath,
    PreviewRoute? Preview = null)
{
    public ColorOutputs Of(DeployColor color) => color == DeployColor.Blue ? Blue : Green;

    /// <summary>The tasks a new color runs before its smoke check: the runner waits until that many targets are healthy.</summary>
    public int DesiredCount { get; init; }

    /// <summary>The weights carrier by ARN, for a rollback's direct switch; null on a stack updated before it was exported.</summary>
    public TrafficRoute? Route { get; init; }

    /// <summary>The service's container in its task definitions (a migration's command override names it); null when not exported.</summary>
    public string? ContainerName { get; init; }

    /// <summary>The service's log group, where a migration task's log stream is; null when not exported.</summary>
    public string? LogGroupName { get; init; }

    /// <summary>The service's copy in the DR region's pilot light; null without one (or on a stack updated before it was exported).</summary>
    public DrTierOutputs? DrTier { get; init; }
}

/// <summary>
/// A service's copy in the DR region (<c>services.&lt;name&gt;.drTier</c>): the program declares its images, weights and
/// live color from the same release as the primary's, but only an update that targets these URNs applies them, so a
/// release or rollback that completes applies them once (see <see cref="RolloutTargets.DrTierUrns"/>).
/// </summary>
public sealed record DrTierOutputs(IReadOnlyList<string> TrafficUrns, string TestRouteUrn, string? PreviewRouteUrn, DrColorUrns Blue, DrColorUrns Green)
{
    /// <summary>Every URN of the copy: both colors (the live one's image and the other's count both follow the release) and its routes.</summary>
    public IEnumerable<string> Urns =>
        new[] { Blue, Green }.SelectMany(c => new[] { c.TaskDefinitionUrn, c.ServiceUrn, c.ScalingTargetUrn })
            .Concat(TrafficUrns).Append(TestRouteUrn).Concat(PreviewRouteUrn is { } preview ? [preview] : []);
}

/// <summary>One color of a DR copy: its task definition (the image), ECS service and scaling target (the task count).</summary>
public sealed record DrColorUrns(string TaskDefinitionUrn, string ServiceUrn, string ScalingTargetUrn);

/// <summary>
/// A service's preview rule on the production listener: a request to <see cref="Url"/> (the service's production
/// host, or the load balancer's DNS name) carrying the header <see cref="HeaderName"/> with the value kept in the
/// Secrets Manager secret <see cref="SecretArn"/> reaches the idle color. <see cref="RouteUrn"/> follows the live
/// color like the test route; <see cref="ForSmoke"/> is whether the stack smoke-tests through it
/// (<c>infra:loadBalancer.smokeVia: previewHeader</c>) rather than through the test listener.
/// </summary>
public sealed record PreviewRoute(string RouteUrn, string Url, string HeaderName, string SecretArn, bool ForSmoke);

/// <summary>The stack outputs the runner reads, keyed by service name.</summary>
public sealed record StackOutputs(IReadOnlyDictionary<string, ServiceOutputs> Services)
{
    /// <summary>The load balancer as CloudWatch's LoadBalancer dimension names it (<c>app/NAME/ID</c>); null when the stack does not export it.</summary>
    public string? LoadBalancerArnSuffix { get; init; }

    /// <summary>The primary DB instance (<c>database.primary.identifier</c>), which the pre-release snapshot is taken of.</summary>
    public string? PrimaryDatabaseId { get; init; }

    /// <summary>
    /// The DR region's DB instance (<c>database.replica.identifier</c>) and its region (<c>.region</c>): a replica, and
    /// after a failover the promoted writer that the pre-release snapshot is taken of. Null without a DR replica.
    /// </summary>
    public string? ReplicaDatabaseId { get; init; }

    public string? ReplicaDatabaseRegion { get; init; }

    /// <summary>Where one-off tasks run (<c>tasks</c>); null when the stack does not export it.</summary>
    public TaskNetwork? TaskNetwork { get; init; }

    /// <summary>Where CloudWatch reports one color's target-group metrics.</summary>
    public TargetGroupRef TargetGroup(string service, DeployColor color)
    {
        RequireMetricNames([(service, color)]);
        return new TargetGroupRef(LoadBalancerArnSuffix!, For(service).Of(color).TargetGroupArnSuffix!);
    }

    /// <summary>Both colors of each moving service: what a deploy refuses to start without.</summary>
    public void RequireMetricNames(IEnumerable<RolloutServiceRecord> services) =>
        RequireMetricNames(services.SelectMany(s => new[] { (s.Name, s.FromColor), (s.Name, s.ToColor) }));

    /// <summary>
    /// Refuses, naming every one missing, outputs that lack the names CloudWatch reports these colors' metrics by
    /// (a stack last updated by a program older than the readiness wait and the canary analysis).
    /// </summary>
    public void RequireMetricNames(IEnumerable<(string Service, DeployColor Color)> colors)
    {
        var missing = colors
            .Where(c => For(c.Service).Of(c.Color).TargetGroupArnSuffix is null)
            .Select(c => $"services.{c.Service}.{c.Color.ConfigName()}.targetGroupArnSuffix")
            .Prepend(LoadBalancerArnSuffix is null ? "albArnSuffix" : null)
            .OfType<string>().Distinct().ToList();
        if (missing.Count > 0)
        {
            throw new RolloutInputException(
                $"the stack outputs lack {string.Join(", ", missing)}, which the canary analysis reads CloudWatch metrics by; run pulumi up with this version of the program first");
        }
    }

    /// <summary>The outputs of one service; a name the stack does not export is an input error listing the ones it does.</summary>
    public ServiceOutputs For(string service) =>
        Services.TryGetValue(service, out var outputs)
            ? outputs
            : throw new RolloutInputException(
                $"unknown service '{service}'; the stack exports: {string.Join(", ", Services.Keys.Order(StringComparer.Ordinal))}");
}

namespace Infra.Runner.Rollout;

/// <summary>Pure helpers choosing what each action touches: which URNs an update targets and which alarms a bake watches.</summary>
internal static class RolloutTargets
{
    /// <summary>The listener/rule URNs carrying the weights of <paramref name="services"/>: the only targets of a weight change or a rollback.</summary>
    public static IReadOnlyList<string> TrafficUrns(StackOutputs outputs, IEnumerable<string> services) =>
        services.SelectMany(name => outputs.For(name).TrafficUrns).Distinct().ToList();

    /// <summary>
    /// Task definition, ECS service and scaling target of each service's new color, and its test and preview routes,
    /// so the routes forward to the color being deployed before the smoke check. A failed smoke check re-applies the same set.
    /// </summary>
    public static IReadOnlyList<string> DeployUrns(StackOutputs outputs, IEnumerable<RolloutServiceRecord> services) =>
        services.SelectMany(s =>
            {
                var service = outputs.For(s.Name);
                var color = service.Of(s.ToColor);
                return new[] { color.TaskDefinitionUrn, color.ServiceUrn, color.ScalingTargetUrn }.Concat(IdleRoutes(service));
            })
            .Distinct().ToList();

    /// <summary>
    /// The test and preview routes of the services, applied when their live color changes so the routes follow the
    /// idle color.
    /// </summary>
    public static IReadOnlyList<string> TestRouteUrns(StackOutputs outputs, IEnumerable<RolloutServiceRecord> services) =>
        services.SelectMany(s => IdleRoutes(outputs.For(s.Name))).Distinct().ToList();

    /// <summary>The routes that forward a service's requests to its idle color.</summary>
    private static IEnumerable<string> IdleRoutes(ServiceOutputs service) =>
        service.Preview is { } preview ? [service.TestRouteUrn, preview.RouteUrn] : [service.TestRouteUrn];

    /// <summary>The ECS service and scaling target of each service's old color, scaled to zero after the termination wait.</summary>
    public static IReadOnlyList<string> ScaleDownUrns(StackOutputs outputs, IEnumerable<RolloutServiceRecord> services) =>
        services.SelectMany(s => new[] { outputs.For(s.Name).Of(s.FromColor).ServiceUrn, outputs.For(s.Name).Of(s.FromColor).ScalingTargetUrn })
            .Distinct().ToList();

    /// <summary>
    /// The DR region's copies of <paramref name="services"/> (task definitions, ECS services, scaling targets, routes):
    /// applied once a release or rollback of them completes, so a failover finds the released images and weights there.
    /// Empty when the stack has no pilot light.
    /// </summary>
    public static IReadOnlyList<string> DrTierUrns(StackOutputs outputs, IEnumerable<string> services) =>
        services.SelectMany(name => outputs.For(name).DrTier?.Urns ?? []).Distinct().ToList();

    /// <summary>Gate alarms of each service's new color plus each service's critical alarms.</summary>
    public static IReadOnlyList<string> WatchedAlarms(StackOutputs outputs, IEnumerable<RolloutServiceRecord> services) =>
        services.SelectMany(s => outputs.For(s.Name).Of(s.ToColor).GateAlarmNames.Concat(outputs.For(s.Name).CriticalAlarmNames))
            .Distinct().ToList();

    /// <summary>
    /// What the pre-flight checks: the watched alarms plus the gate alarms of each service's live color, whose ALARM
    /// means the service is already failing before anything is released.
    /// </summary>
    public static IReadOnlyList<string> PreflightAlarms(StackOutputs outputs, IEnumerable<RolloutServiceRecord> services)
    {
        var moving = services.ToList();
        return WatchedAlarms(outputs, moving)
            .Concat(moving.SelectMany(s => outputs.For(s.Name).Of(s.FromColor).GateAlarmNames))
            .Distinct().ToList();
    }

    public static string SmokeUrl(string testUrl, string path) => testUrl.TrimEnd('/') + path;

    /// <summary>
    /// Where a service's smoke check goes: the plan's path or the service's health-check path, under the service's
    /// path prefix (its path pattern without the trailing <c>*</c> or <c>/*</c>, not repeated when the path already
    /// starts with it). Through the preview route when the stack smokes through it: the service's production URL (its
    /// host, so no Host header) with the preview header. Otherwise on the test listener, with the service's host as
    /// Host header. Without host and prefix the listener's default rule would answer, i.e. another service.
    /// </summary>
    public static SmokeTarget Smoke(ServiceOutputs service, string? path)
    {
        var checkedPath = path ?? service.HealthCheckPath;
        var prefix = service.PathPattern?.TrimEnd('*').TrimEnd('/') ?? "";
        var underPrefix = prefix.Length > 0 && (checkedPath == prefix || checkedPath.StartsWith(prefix + "/", StringComparison.Ordinal))
            ? checkedPath
            : prefix + checkedPath;
        return service.Preview is { ForSmoke: true } preview
            ? new SmokeTarget(SmokeUrl(preview.Url, underPrefix), null, new PreviewHeader(preview.HeaderName, preview.SecretArn))
            : new SmokeTarget(SmokeUrl(service.TestUrl, underPrefix), service.Host);
    }

    /// <summary>"web -> green, api -> blue" for messages.</summary>
    public static string DescribeMoves(IEnumerable<RolloutServiceRecord> services) =>
        string.Join(", ", services.Select(s => $"{s.Name} -> {s.ToColor.ConfigName()}"));
}

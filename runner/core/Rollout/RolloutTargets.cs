namespace Infra.Runner.Rollout;

/// <summary>Pure helpers choosing what each action touches: which URNs an update targets and which alarms a bake watches.</summary>
internal static class RolloutTargets
{
    /// <summary>The listener/rule URNs carrying the weights of <paramref name="services"/>: the only targets of a weight change or a rollback.</summary>
    public static IReadOnlyList<string> TrafficUrns(StackOutputs outputs, IEnumerable<string> services) =>
        services.SelectMany(name => outputs.For(name).TrafficUrns).Distinct().ToList();

    /// <summary>Task definition and ECS service of each service's new color.</summary>
    public static IReadOnlyList<string> DeployUrns(StackOutputs outputs, IEnumerable<RolloutServiceRecord> services) =>
        services.SelectMany(s => new[] { outputs.For(s.Name).Of(s.ToColor).TaskDefinitionUrn, outputs.For(s.Name).Of(s.ToColor).ServiceUrn })
            .Distinct().ToList();

    /// <summary>The ECS service of each service's old color, scaled to zero after the termination wait.</summary>
    public static IReadOnlyList<string> ScaleDownUrns(StackOutputs outputs, IEnumerable<RolloutServiceRecord> services) =>
        services.Select(s => outputs.For(s.Name).Of(s.FromColor).ServiceUrn).Distinct().ToList();

    /// <summary>Gate alarms of each service's new color plus each service's critical alarms.</summary>
    public static IReadOnlyList<string> WatchedAlarms(StackOutputs outputs, IEnumerable<RolloutServiceRecord> services) =>
        services.SelectMany(s => outputs.For(s.Name).Of(s.ToColor).GateAlarmNames.Concat(outputs.For(s.Name).CriticalAlarmNames))
            .Distinct().ToList();

    public static string SmokeUrl(string testUrl, string path) => testUrl.TrimEnd('/') + path;

    /// <summary>"web -> green, api -> blue" for messages.</summary>
    public static string DescribeMoves(IEnumerable<RolloutServiceRecord> services) =>
        string.Join(", ", services.Select(s => $"{s.Name} -> {s.ToColor.ConfigName()}"));
}

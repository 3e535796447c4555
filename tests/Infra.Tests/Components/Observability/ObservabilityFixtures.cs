using Infra.Components.Observability;
using Infra.Components.Observability.Catalog;
using Infra.Runner.Plan;
using Infra.Stacks.Conventions;
using Infra.Stacks.Loading;
using Infra.Stacks.Settings;
using Infra.Tests.Support;
using Pulumi;

namespace Infra.Tests.Components.Observability;

/// <summary>The example stacks' settings and stand-ins for the traffic and data components' outputs.</summary>
internal static class ObservabilityFixtures
{
    public static StackSettings Production { get; } = Load("production");
    /// <summary>The staging stack file without its DR region: the catalog's case of a stack with no replica.</summary>
    public static StackSettings Staging { get; } = WithoutReplica(Load("staging"));

    private static StackSettings WithoutReplica(StackSettings settings) =>
        settings with { Dr = settings.Dr with { Replica = false, PilotLight = false } };

    public static Naming Naming(StackSettings settings) => new(PlanBuilder.Project, settings.StackName);

    public static AlarmSet Catalog(StackSettings settings) => DefaultAlarms.Build(settings, Naming(settings));

    public static StackSettings WithOverride(this StackSettings settings, string key, AlarmOverride change) =>
        settings with { AlarmOverrides = new ValueMap<AlarmOverride>([KeyValuePair.Create(key, change)]) };

    public static AlarmOverride Override(double? threshold = null, int? evaluationPeriods = null, int? datapointsToAlarm = null,
        int? periodSeconds = null, Severity? severity = null, bool? enabled = null, string? logPattern = null, bool? notify = null) =>
        new(threshold, evaluationPeriods, datapointsToAlarm, periodSeconds, severity, enabled, logPattern, notify);

    public static string TopicArn(Severity severity) => $"arn:aws:sns:eu-west-1:123456789012:topic-{severity.ToConfigName()}";

    public static IReadOnlyDictionary<Severity, Input<string>> Topics() =>
        Enum.GetValues<Severity>().ToDictionary(s => s, s => (Input<string>)TopicArn(s));

    /// <summary>The literal value each reference resolves to in these tests.</summary>
    public static string ValueOf(DimensionRef reference) => reference switch
    {
        LoadBalancerRef => "app/alb/1",
        TargetGroupRef tg => $"targetgroup/{tg.Service}-{tg.Color.ToConfigName()}/1",
        ClusterRef => "cluster-1",
        EcsServiceRef ecs => $"{ecs.Service}-{ecs.Color.ToConfigName()}",
        DbInstanceRef db => $"db-{db.Role.ToString().ToLowerInvariant()}",
        CanaryRef canary => canary.Name,
        _ => throw new ArgumentOutOfRangeException(nameof(reference)),
    };

    public static MetricDimensions Dimensions(StackSettings settings) => new()
    {
        LoadBalancerArnSuffix = ValueOf(new LoadBalancerRef()),
        TargetGroupArnSuffixes = PerServiceAndColor(settings, (s, c) => ValueOf(new TargetGroupRef(s, c))),
        ClusterName = ValueOf(new ClusterRef()),
        EcsServiceNames = PerServiceAndColor(settings, (s, c) => ValueOf(new EcsServiceRef(s, c))),
        PrimaryDbInstanceId = ValueOf(new DbInstanceRef(DatabaseRole.Primary)),
        ReplicaDbInstanceId = ValueOf(new DbInstanceRef(DatabaseRole.Replica)),
    };

    public static IReadOnlyDictionary<string, Input<string>> LogGroups(StackSettings settings) =>
        settings.Services.ToDictionary(s => s.Name, s => (Input<string>)$"/ecs/{s.Name}");

    private static IReadOnlyDictionary<string, ColorPair<Input<string>>> PerServiceAndColor(StackSettings settings, Func<string, Color, string> value) =>
        settings.Services.ToDictionary(s => s.Name,
            s => new ColorPair<Input<string>>(value(s.Name, Color.Blue), value(s.Name, Color.Green)));

    private static StackSettings Load(string stack) => StackSettingsLoader.FromFile(RepoPaths.StackFile(stack)).GetValidOrThrow();
}

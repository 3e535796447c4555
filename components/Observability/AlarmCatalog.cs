using System.Collections.Immutable;
using Infra.Components.Conventions;
using Infra.Components.Observability.Catalog;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.CloudWatch.Inputs;

namespace Infra.Components.Observability;

/// <summary>
/// One CloudWatch alarm per enabled catalog definition of its region, with alarm and OK actions on the topic of the
/// alarm's severity when it notifies, per service a composite "unhealthy" alarm that notifies for its error, latency
/// and host alarms, and the log metric filters the catalog reads. Alarm names are deterministic, so the lists of
/// names below are plain values, known before deployment.
/// </summary>
public sealed class AlarmCatalog : ComponentResource
{
    /// <summary>The alarms this instance declares.</summary>
    public IReadOnlyList<AlarmDefinition> Alarms { get; }

    /// <summary>Every alarm ARN, by alarm name.</summary>
    public IReadOnlyDictionary<string, Output<string>> AlarmArns { get; }

    public IReadOnlyDictionary<Severity, IReadOnlyList<string>> AlarmNamesBySeverity { get; }

    /// <summary>Per service, the names of the alarms that gate a rollout to each color.</summary>
    public IReadOnlyDictionary<string, ColorPair<IReadOnlyList<string>>> GateAlarmNames { get; }

    /// <summary>Per service with member alarms here, its composite "unhealthy" alarm: the one that notifies for them.</summary>
    public IReadOnlyList<ServiceHealth> ServiceHealth { get; }

    /// <summary>The composite alarms' ARNs, by alarm name.</summary>
    public IReadOnlyDictionary<string, Output<string>> CompositeAlarmArns { get; }

    /// <summary>
    /// The stack's critical composite (<see cref="StackCritical"/>), primary region only: null in the DR region's
    /// catalog and when no alarm is critical.
    /// </summary>
    public Output<string>? StackCriticalAlarmArn { get; }

    /// <summary>Per service, its critical alarms (both colors), e.g. for the runner's status command.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> CriticalAlarmNames { get; }

    public AlarmCatalog(string name, AlarmCatalogArgs args, ComponentResourceOptions? options = null)
        : base("infra:observability:AlarmCatalog", name, options)
    {
        var settings = args.Settings;
        var naming = StackConventions.Naming(settings);
        var catalog = DefaultAlarms.Build(settings, naming);
        // The DR region's catalog also watches the pilot light's services and, once promoted, its database, with the
        // same definitions as the primary's.
        var promoted = PromotedDatabaseAlarms.For(settings, naming);
        Alarms = args.Region == AlarmRegion.Primary
            ? catalog.Alarms.Where(a => a.Region == AlarmRegion.Primary).ToList()
            : catalog.Alarms.Where(a => a.Region == AlarmRegion.Dr).Concat(PilotLightAlarms.For(settings, naming)).Concat(promoted.Alarms).ToList();
        var missingTopics = Enum.GetValues<Severity>().Where(s => !args.TopicArns.ContainsKey(s)).ToList();
        if (missingTopics.Count > 0)
            throw new ArgumentException(
                $"TopicArns has no topic for {string.Join(", ", missingTopics.Select(s => s.ToConfigName()))}; pass the Alerting component's TopicArns",
                nameof(args));

        foreach (var logMetric in args.Region == AlarmRegion.Primary ? catalog.LogMetrics : promoted.LogMetrics)
        {
            DeclareLogMetricFilters(name, logMetric, args, naming.Prefix);
        }

        var arns = new Dictionary<string, Output<string>>();
        var declared = new Dictionary<string, MetricAlarm>();
        foreach (var alarm in Alarms)
        {
            var resourceName = $"{name}-{ShortName(alarm.Name, naming.Prefix)}";
            declared[alarm.Name] = new MetricAlarm(resourceName, AlarmArgs(alarm, args), new CustomResourceOptions { Parent = this });
            arns[alarm.Name] = declared[alarm.Name].Arn;
        }
        AlarmArns = arns;

        ServiceHealth = Catalog.ServiceHealth.For(Alarms, args.Region == AlarmRegion.Primary ? naming : PilotLightAlarms.NamingFor(naming));
        var composites = ServiceHealth.ToDictionary(h => h.Name, h => DeclareComposite(name, naming.Prefix, h, args, declared));
        CompositeAlarmArns = composites.ToDictionary(p => p.Key, p => p.Value.Arn);
        if (args.Region == AlarmRegion.Primary && StackCritical.For(Alarms, ServiceHealth, naming) is { } critical)
            StackCriticalAlarmArn = DeclareStackCritical(name, naming.Prefix, critical, args.Settings,
                critical.Children.Select(c => composites.TryGetValue(c, out var composite) ? (Resource)composite : declared[c]));

        AlarmNamesBySeverity = Enum.GetValues<Severity>().ToDictionary(s => s, s => Names(Alarms.Where(a => a.Severity == s)));
        GateAlarmNames = settings.Services.ToDictionary(s => s.Name, s => new ColorPair<IReadOnlyList<string>>(
            Names(Alarms.Where(a => Gates(a, s.Name, Color.Blue))),
            Names(Alarms.Where(a => Gates(a, s.Name, Color.Green)))));
        // Stack-wide critical alarms (database connection errors) watch every rollout too: a release with broken
        // database settings trips them.
        CriticalAlarmNames = settings.Services.ToDictionary(s => s.Name,
            s => Names(Alarms.Where(a => a.Severity == Severity.Critical && (a.Service == s.Name || a.Service is null))));

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["alarmNamesBySeverity"] = AlarmNamesBySeverity.ToImmutableDictionary(p => p.Key.ToConfigName(), p => p.Value.ToImmutableArray()),
            ["gateAlarmNames"] = ExportedGateAlarmNames(),
        });
    }

    /// <summary>
    /// <see cref="GateAlarmNames"/> as a stack output for the runner: service, then color (<c>blue</c>/<c>green</c>),
    /// then the alarm names.
    /// </summary>
    public ImmutableDictionary<string, ImmutableDictionary<string, ImmutableArray<string>>> ExportedGateAlarmNames() =>
        GateAlarmNames.ToImmutableDictionary(p => p.Key, p => Enum.GetValues<Color>()
            .ToImmutableDictionary(c => c.ToConfigName(), c => p.Value[c].ToImmutableArray()));

    private void DeclareLogMetricFilters(string name, LogMetricDefinition logMetric, AlarmCatalogArgs args, string prefix)
    {
        foreach (var service in args.Settings.Services)
        {
            if (!args.ServiceLogGroupNames.TryGetValue(service.Name, out var logGroupName))
                throw new ArgumentException(
                    $"ServiceLogGroupNames has no log group for service '{service.Name}'; the {logMetric.Key} alarm reads every service's logs",
                    nameof(args));
            new LogMetricFilter($"{name}-{service.Name}-{logMetric.MetricName}", new LogMetricFilterArgs
            {
                Name = $"{prefix}-{service.Name}-{logMetric.MetricName}",
                LogGroupName = logGroupName,
                Pattern = logMetric.Pattern,
                MetricTransformation = new LogMetricFilterMetricTransformationArgs
                {
                    Name = logMetric.MetricName,
                    Namespace = logMetric.Namespace,
                    Value = "1",
                    // Zero when nothing matched keeps the graph continuous instead of gaps.
                    DefaultValue = "0",
                },
            }, new CustomResourceOptions { Parent = this });
        }
    }

    /// <summary>The rule names its members, so CloudWatch needs them to exist first.</summary>
    private CompositeAlarm DeclareComposite(string name, string prefix, ServiceHealth health, AlarmCatalogArgs args, Dictionary<string, MetricAlarm> members)
    {
        var topic = args.TopicArns[health.Severity];
        var options = new CustomResourceOptions { Parent = this };
        foreach (var member in health.Members) options.DependsOn.Add(members[member]);
        return new CompositeAlarm($"{name}-{ShortName(health.Name, prefix)}", new CompositeAlarmArgs
        {
            AlarmName = health.Name,
            AlarmDescription = health.Description,
            AlarmRule = health.Rule,
            AlarmActions = { topic },
            OkActions = { topic },
            Tags = StackConventions.Tags(args.Settings, health.Name),
        }, options);
    }

    /// <summary>Without actions: it exists for AppConfig to watch, and its children notify on their own.</summary>
    private Output<string> DeclareStackCritical(string name, string prefix, StackCritical critical, StackSettings settings, IEnumerable<Resource> children)
    {
        var options = new CustomResourceOptions { Parent = this };
        foreach (var child in children) options.DependsOn.Add(child);
        return new CompositeAlarm($"{name}-{ShortName(critical.Name, prefix)}", new CompositeAlarmArgs
        {
            AlarmName = critical.Name,
            AlarmDescription = critical.Description,
            AlarmRule = critical.Rule,
            Tags = StackConventions.Tags(settings, critical.Name),
        }, options).Arn;
    }

    private static MetricAlarmArgs AlarmArgs(AlarmDefinition alarm, AlarmCatalogArgs args)
    {
        var alarmArgs = new MetricAlarmArgs
        {
            Name = alarm.Name,
            AlarmDescription = alarm.Description,
            ComparisonOperator = alarm.Comparison.ToString(),
            EvaluationPeriods = alarm.EvaluationPeriods,
            DatapointsToAlarm = alarm.DatapointsToAlarm,
            Threshold = alarm.Threshold,
            TreatMissingData = alarm.TreatMissingData.ToCloudWatch(),
            Tags = StackConventions.Tags(args.Settings, alarm.Name),
        };
        // A composite member without notify: true keeps its state (rollouts and the release guard read it) but stays quiet.
        if (alarm.Notify)
        {
            alarmArgs.AlarmActions.Add(args.TopicArns[alarm.Severity]);
            alarmArgs.OkActions.Add(args.TopicArns[alarm.Severity]);
        }
        switch (alarm.Signal)
        {
            case SingleMetric { Metric: var metric }:
                alarmArgs.Namespace = metric.Namespace;
                alarmArgs.MetricName = metric.MetricName;
                alarmArgs.Dimensions = args.Dimensions.For(metric);
                alarmArgs.Period = alarm.PeriodSeconds;
                if (metric.IsPercentile) alarmArgs.ExtendedStatistic = metric.Stat;
                else alarmArgs.Statistic = metric.Stat;
                break;
            case MetricMath math:
                // With metric queries CloudWatch takes the period from each metric, never from the alarm.
                foreach (var input in math.Inputs)
                {
                    alarmArgs.MetricQueries.Add(new MetricAlarmMetricQueryArgs
                    {
                        Id = input.Id,
                        ReturnData = false,
                        Metric = new MetricAlarmMetricQueryMetricArgs
                        {
                            Namespace = input.Metric.Namespace,
                            MetricName = input.Metric.MetricName,
                            Dimensions = args.Dimensions.For(input.Metric),
                            Period = alarm.PeriodSeconds,
                            Stat = input.Metric.Stat,
                        },
                    });
                }
                alarmArgs.MetricQueries.Add(new MetricAlarmMetricQueryArgs
                {
                    Id = math.Id, Expression = math.Expression, Label = math.Label, ReturnData = true,
                });
                break;
        }
        return alarmArgs;
    }

    // A gate without a color (a synthetic journey's) watches whatever color a rollout moves traffic to; one without a
    // service (a journey by URL) watches every service's rollout.
    private static bool Gates(AlarmDefinition alarm, string service, Color color) =>
        alarm.GatesRollout && (alarm.Service ?? service) == service && (alarm.Color ?? color) == color;

    private static IReadOnlyList<string> Names(IEnumerable<AlarmDefinition> alarms) => alarms.Select(a => a.Name).ToList();

    // Logical names drop the physical prefix, which the component's own name already scopes.
    private static string ShortName(string alarmName, string prefix) =>
        alarmName.StartsWith(prefix + "-", StringComparison.Ordinal) ? alarmName[(prefix.Length + 1)..] : alarmName;
}

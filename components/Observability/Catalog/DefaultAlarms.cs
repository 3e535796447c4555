using Infra.Stacks.Conventions;
using Infra.Stacks.Settings;
using Infra.Stacks.Validation;

namespace Infra.Components.Observability.Catalog;

/// <summary>
/// The alarm catalog of a stack: the defaults of issue 5 for every service, the database and the load balancer,
/// with the stack's <c>infra:alarms</c> overrides applied and disabled alarms left out.
/// </summary>
public static class DefaultAlarms
{
    public static AlarmSet Build(StackSettings settings, Naming naming)
    {
        var overrides = settings.AlarmOverrides;
        var defaults = settings.Services.SelectMany(s => ServiceAlarms.For(s, naming))
            .Concat(DatabaseAlarms.For(settings, naming, ConnectionsThreshold(settings)))
            .Concat(LoadBalancerAlarms.For(naming))
            .Concat(SyntheticsAlarms.For(settings, naming));

        var alarms = defaults.Select(alarm => WithOverride(alarm, overrides)).OfType<AlarmDefinition>().ToList();
        return new AlarmSet(alarms, LogMetricsFor(settings, alarms));
    }

    /// <summary>The stack's threshold for the database connections alarm; null leaves the instance class's default.</summary>
    public static double? ConnectionsThreshold(StackSettings settings) =>
        settings.AlarmOverrides.TryGetValue(AlarmKeys.DatabaseConnectionsHigh, out var connections) ? connections.Threshold : null;

    /// <summary>The log metrics <paramref name="alarms"/> read: the connection-error count when they watch it.</summary>
    public static IReadOnlyList<LogMetricDefinition> LogMetricsFor(StackSettings settings, IReadOnlyList<AlarmDefinition> alarms)
    {
        if (!alarms.Any(a => a.Key == AlarmKeys.DatabaseConnectionErrors)) return [];
        var pattern = settings.AlarmOverrides.TryGetValue(AlarmKeys.DatabaseConnectionErrors, out var errors) ? errors.LogPattern : null;
        return [DatabaseAlarms.ConnectionErrorsLogMetric(settings, pattern)];
    }

    /// <summary>The alarm with the stack's override of its key, if any; null when the stack disables it.</summary>
    public static AlarmDefinition? WithOverride(AlarmDefinition alarm, IReadOnlyDictionary<string, AlarmOverride> overrides) =>
        overrides.TryGetValue(alarm.Key, out var change) ? Apply(alarm, change) : alarm;

    /// <summary>The alarm with what the stack changes; null when the stack disables it.</summary>
    public static AlarmDefinition? Apply(AlarmDefinition alarm, AlarmOverride change)
    {
        if (change.Enabled == false) return null;
        var evaluationPeriods = change.EvaluationPeriods ?? alarm.EvaluationPeriods;
        // Fewer evaluation periods than the default datapoints would be rejected by CloudWatch; keep "all of them".
        var datapoints = change.DatapointsToAlarm ?? Math.Min(alarm.DatapointsToAlarm, evaluationPeriods);
        return alarm with
        {
            Threshold = change.Threshold ?? alarm.Threshold,
            EvaluationPeriods = evaluationPeriods,
            DatapointsToAlarm = datapoints,
            PeriodSeconds = change.PeriodSeconds ?? alarm.PeriodSeconds,
            Severity = change.Severity ?? alarm.Severity,
            Notify = change.Notify ?? alarm.Notify,
        };
    }
}

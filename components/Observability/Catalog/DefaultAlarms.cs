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
        var connectionsThreshold = overrides.TryGetValue(AlarmKeys.DatabaseConnectionsHigh, out var connections) ? connections.Threshold : null;
        var defaults = settings.Services.SelectMany(s => ServiceAlarms.For(s, naming))
            .Concat(DatabaseAlarms.For(settings, naming, connectionsThreshold))
            .Concat(LoadBalancerAlarms.For(naming))
            .Concat(SyntheticsAlarms.For(settings, naming));

        var alarms = defaults.Select(alarm => WithOverride(alarm, overrides)).OfType<AlarmDefinition>().ToList();

        var logMetrics = new List<LogMetricDefinition>();
        if (alarms.Any(a => a.Key == AlarmKeys.DatabaseConnectionErrors))
        {
            var pattern = overrides.TryGetValue(AlarmKeys.DatabaseConnectionErrors, out var errors) ? errors.LogPattern : null;
            logMetrics.Add(DatabaseAlarms.ConnectionErrorsLogMetric(settings, pattern));
        }
        return new AlarmSet(alarms, logMetrics);
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

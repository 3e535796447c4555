using Infra.Stacks.Settings;

namespace Infra.Components.Observability.Catalog;

/// <summary>How an alarm compares its signal with the threshold; the names are CloudWatch's.</summary>
public enum Comparison { GreaterThanThreshold, GreaterThanOrEqualToThreshold, LessThanThreshold }

/// <summary>What a period without data counts as; <see cref="MissingDataNames.ToCloudWatch"/> gives CloudWatch's spelling.</summary>
public enum MissingData { NotBreaching, Breaching, Ignore, Missing }

/// <summary>Where the alarm lives: next to the metric, since CloudWatch alarms read only their own region.</summary>
public enum AlarmRegion { Primary, Dr }

public static class MissingDataNames
{
    public static string ToCloudWatch(this MissingData value) => value switch
    {
        MissingData.NotBreaching => "notBreaching",
        MissingData.Breaching => "breaching",
        MissingData.Ignore => "ignore",
        _ => "missing",
    };
}

/// <summary>
/// One alarm of the catalog, as data. <paramref name="Key"/> is the <c>infra:alarms</c> override key (several alarms
/// share one key, e.g. one per service); <paramref name="Name"/> is the CloudWatch alarm name.
/// </summary>
/// <param name="GatesRollout">The runner polls this alarm while it shifts traffic to <paramref name="Color"/>.</param>
/// <param name="Description">What the alarm means and what to do, shown in CloudWatch and Slack.</param>
public sealed record AlarmDefinition(
    string Key,
    string Name,
    string? Service,
    Color? Color,
    AlarmSignal Signal,
    int PeriodSeconds,
    int EvaluationPeriods,
    int DatapointsToAlarm,
    double Threshold,
    Comparison Comparison,
    MissingData TreatMissingData,
    Severity Severity,
    bool GatesRollout,
    string Description,
    AlarmRegion Region = AlarmRegion.Primary)
{
    /// <summary>
    /// Whether its state changes go to its severity's topic. Default: false for the members of a service's composite
    /// alarm (<see cref="ServiceHealth"/>), which notifies for them; true for every other.
    /// </summary>
    public bool Notify { get; init; } = ServiceHealth.NotifiesByDefault(Key);
}

/// <summary>
/// A CloudWatch Logs metric filter the catalog needs: it turns matching lines of each service's log group into a
/// count in <paramref name="Namespace"/>/<paramref name="MetricName"/>, which an alarm then watches.
/// </summary>
public sealed record LogMetricDefinition(string Key, string Pattern, string Namespace, string MetricName);

/// <summary>Everything the catalog declares for a stack: the enabled alarms and the log metric filters they read.</summary>
public sealed record AlarmSet(IReadOnlyList<AlarmDefinition> Alarms, IReadOnlyList<LogMetricDefinition> LogMetrics);

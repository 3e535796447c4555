namespace Infra.Stacks.Settings;

/// <summary>
/// One entry of <c>infra:alarms</c>: what a stack changes in a default alarm. Null means "keep the catalog's value".
/// </summary>
/// <param name="LogPattern">Only for <c>databaseConnectionErrors</c>: the CloudWatch Logs filter pattern.</param>
/// <param name="Notify">Whether the alarm notifies its severity's topic on its own; the catalog's default is false for
/// the members of a service's composite "unhealthy" alarm, true for every other.</param>
public sealed record AlarmOverride(
    double? Threshold,
    int? EvaluationPeriods,
    int? DatapointsToAlarm,
    int? PeriodSeconds,
    Severity? Severity,
    bool? Enabled,
    string? LogPattern,
    bool? Notify = null);

using Infra.Stacks.Settings;

namespace Infra.Stacks.Validation;

/// <summary>
/// How long one gate alarm looks back: <see cref="EvaluationPeriods"/> periods of <see cref="PeriodSeconds"/>. A bake
/// shorter than that window plus one period (CloudWatch publishes a period only after it closed) ends before the
/// alarm can fire, so it gates nothing.
/// </summary>
public sealed record GateWindow(string Key, int PeriodSeconds, int EvaluationPeriods)
{
    /// <summary>The shortest bake in which this alarm can fire: its window plus one period.</summary>
    public int MinimumBakeSeconds => PeriodSeconds * (EvaluationPeriods + 1);

    /// <summary>Why a bake must be at least <see cref="MinimumBakeSeconds"/>, for validation messages.</summary>
    public string Describe() =>
        $"the {Key} gate alarm evaluates {EvaluationPeriods} periods of {PeriodSeconds} s; a bake needs that window plus one period";
}

/// <summary>
/// The timing of the alarms that gate rollouts, as plain data: the alarm catalog declares its gates with these
/// defaults, and the stack validator and the runner check bakes against them with the stack's overrides applied.
/// </summary>
public static class GateWindows
{
    private const int Minute = 60;

    /// <summary>Per color: 5xx rate over 2 minutes, p99 over 3 minutes, unhealthy hosts over 2 minutes.</summary>
    public static IReadOnlyList<GateWindow> Defaults { get; } =
    [
        new(AlarmKeys.ColorErrorRate, Minute, 2),
        new(AlarmKeys.ColorResponseTimeP99, Minute, 3),
        new(AlarmKeys.ColorUnhealthyHosts, Minute, 2),
    ];

    public static GateWindow Default(string key) => Defaults.Single(w => w.Key == key);

    /// <summary>The enabled gate alarms with the stack's period and evaluation-period overrides applied.</summary>
    public static IReadOnlyList<GateWindow> For(IReadOnlyDictionary<string, AlarmOverride> overrides) =>
        Defaults
            .Select(window => overrides.TryGetValue(window.Key, out var change) ? Apply(window, change) : window)
            .OfType<GateWindow>()
            .ToList();

    /// <summary>The gate alarm that needs the longest bake, or null when the stack disables every gate alarm.</summary>
    public static GateWindow? Longest(IReadOnlyDictionary<string, AlarmOverride> overrides) =>
        For(overrides).OrderByDescending(w => w.MinimumBakeSeconds).FirstOrDefault();

    private static GateWindow? Apply(GateWindow window, AlarmOverride change) =>
        change.Enabled == false
            ? null
            : window with
            {
                PeriodSeconds = change.PeriodSeconds ?? window.PeriodSeconds,
                EvaluationPeriods = change.EvaluationPeriods ?? window.EvaluationPeriods,
            };
}

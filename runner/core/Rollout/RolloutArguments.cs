namespace Infra.Runner.Rollout;

/// <summary>
/// The deploy command's values as typed on the command line. The defaults here are the only defaults:
/// the CLI passes through what the operator gave and leaves the rest unset.
/// </summary>
public sealed record RolloutArguments
{
    /// <summary><c>--service web</c> or <c>--service web=IMAGE</c>, repeatable; at least one.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary><c>--steps</c>, default <c>10,50,100</c>.</summary>
    public string Steps { get; init; } = "10,50,100";

    /// <summary><c>--bake</c> per step, default <c>5m</c>.</summary>
    public string Bake { get; init; } = "5m";

    /// <summary><c>--interval</c> between alarm polls, default <c>10s</c>.</summary>
    public string Interval { get; init; } = "10s";

    /// <summary><c>--smoke</c> path on the test listener; default (null) each service's health-check path.</summary>
    public string? SmokePath { get; init; }

    /// <summary><c>--smoke-successes</c> in a row, default 3.</summary>
    public int SmokeSuccesses { get; init; } = 3;

    /// <summary><c>--smoke-timeout</c>, default <c>2m</c>.</summary>
    public string SmokeTimeout { get; init; } = "2m";

    /// <summary><c>--termination-wait</c> before the old color scales to zero, default <c>15m</c>.</summary>
    public string TerminationWait { get; init; } = "15m";

    /// <summary><c>--insufficient-data</c>: <c>ok</c> (default) or <c>fail</c>.</summary>
    public string InsufficientData { get; init; } = "ok";

    /// <summary>How long the new color may take to be ready before the smoke check, default <c>10m</c> (the stack's <c>readyTimeoutMinutes</c>).</summary>
    public string ReadyTimeout { get; init; } = "10m";

    /// <summary>
    /// The shortest bake the stack's gate alarms allow (their longest evaluation window plus one period), from the
    /// stack's settings; null before the stack is read, when only a bake of zero is refused.
    /// </summary>
    public BakeFloor? MinimumBake { get; init; }

    /// <summary><c>--during-incident</c>: deploy although a watched alarm is in ALARM (a hotfix); journaled and notified.</summary>
    public bool DuringIncident { get; init; }
}

/// <summary>The shortest bake in which every gate alarm can fire, and why (the longest gate window, named in the refusal; null without gate alarms).</summary>
public sealed record BakeFloor(TimeSpan Minimum, string? Why);

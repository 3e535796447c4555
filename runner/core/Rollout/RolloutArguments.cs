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
}

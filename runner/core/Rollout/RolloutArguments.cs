namespace Infra.Runner.Rollout;

/// <summary>
/// The deploy command's values as typed on the command line. The defaults here are the only defaults:
/// the CLI passes through what the operator gave and leaves the rest unset.
/// </summary>
public sealed record RolloutArguments
{
    /// <summary><c>--service web</c> or <c>--service web=IMAGE</c>, repeatable; at least one.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary><c>--steps</c>, default <c>10,50,100</c>; may hold <c>pause</c> or <c>pause:30m</c> between two percentages.</summary>
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
    /// <summary>Requests the new color must serve in a step to be judged (<c>infra:rollout.minRequestsPerStep</c>), default 50.</summary>
    public int MinRequestsPerStep { get; init; } = 50;

    /// <summary>How long an inconclusive step's bake is extended (<c>maxInconclusiveMinutes</c>), default <c>10m</c>.</summary>
    public string MaxInconclusive { get; init; } = "10m";

    /// <summary><c>onInconclusive</c>: <c>fail</c> (default) or <c>pause</c>.</summary>
    public string OnInconclusive { get; init; } = "fail";

    /// <summary><c>errorRateRatio</c>: the new color may have this many times the live color's error rate, default 2.</summary>
    public double ErrorRateRatio { get; init; } = 2;

    /// <summary><c>errorRateFloorPercent</c>: an error rate up to this always passes, default 1.</summary>
    public double ErrorRateFloorPercent { get; init; } = 1;

    /// <summary><c>latencyRatio</c>: the new color's p99 may be this many times the live color's, default 2.</summary>
    public double LatencyRatio { get; init; } = 2;

    /// <summary><c>hooks.backupBeforeDeploy</c>: snapshot the primary database before the release, default false (production's stack default is true).</summary>
    public bool BackupBeforeDeploy { get; init; }

    /// <summary><c>--snapshot</c>: take the snapshot although the stack does not ask for one.</summary>
    public bool SnapshotFlag { get; init; }

    /// <summary><c>--no-snapshot</c>: no snapshot although the stack asks for one; also what lets a production migration run without one.</summary>
    public bool NoSnapshot { get; init; }

    /// <summary><c>hooks.keepReleaseSnapshots</c>, default 10.</summary>
    public int KeepReleaseSnapshots { get; init; } = 10;

    /// <summary><c>hooks.migration</c>; null: no migration task.</summary>
    public MigrationArguments? Migration { get; init; }

    /// <summary>A production stack, which refuses a migration without a snapshot unless <see cref="NoSnapshot"/> says so.</summary>
    public bool Production { get; init; }
    /// <summary><c>pauseTimeoutAction</c>: what a timed pause does at its timeout, <c>rollback</c> (default) or <c>promote</c>.</summary>
    public string PauseTimeoutAction { get; init; } = "rollback";

    /// <summary>The stack's webhooks (<c>infra:rollout.hooks.webhooks</c>, validated there); none by default.</summary>
    public IReadOnlyList<RolloutWebhook> Webhooks { get; init; } = [];

    /// <summary><c>--pause-timeout-action rollback|promote</c>: overrides <see cref="PauseTimeoutAction"/> for this deploy; null: not given.</summary>
    public string? PauseTimeoutActionFlag { get; init; }

    /// <summary><c>--no-webhooks</c>: call none of the stack's webhooks in this deploy.</summary>
    public bool NoWebhooks { get; init; }

    /// <summary><c>--skip-webhook NAME</c>, repeatable: do not call these of the stack's webhooks in this deploy.</summary>
    public IReadOnlyList<string> SkipWebhooks { get; init; } = [];

    /// <summary><c>--no-migration REASON</c>: do not run the stack's migration task in this deploy; the reason is required and journaled.</summary>
    public string? NoMigrationReason { get; init; }

    /// <summary>
    /// True once the stack's settings filled these arguments: only then are the flags that refer to what the stack
    /// declares (webhook names, a migration, timed pauses) checked against it. False when the flags are checked alone.
    /// </summary>
    public bool FromStack { get; init; }
}

/// <summary><c>hooks.migration</c> as the stack file gives it: the service, its container's command, and <c>timeoutMinutes</c> as a duration.</summary>
public sealed record MigrationArguments(string Service, IReadOnlyList<string> Command, string Timeout);

/// <summary>The shortest bake in which every gate alarm can fire, and why (the longest gate window, named in the refusal; null without gate alarms).</summary>
public sealed record BakeFloor(TimeSpan Minimum, string? Why);

namespace Infra.Runner.Rollout;

/// <summary>What happened during a rollout, for the journal and <c>history</c>.</summary>
public enum RolloutEventKind
{
    Started,
    ImagesDeployed,

    /// <summary>Every new color runs its desired count of tasks with every target healthy: the smoke check may start.</summary>
    ColorsReady,

    /// <summary>A new color was not ready within the ready timeout; the rollout stops before traffic moves.</summary>
    ReadyTimedOut,
    SmokePassed,
    SmokeFailed,
    StepApplied,
    StepBaked,
    AlarmTripped,
    UpdateFailed,
    PromoteRequested,
    Completed,
    ScaledDown,
    ScaleDownFailed,

    /// <summary>The DR region's copies of the moved services were updated to the released (or rolled back) state.</summary>
    DrTierApplied,

    /// <summary>Updating the DR region's copies failed; the release stands, and the next <c>pulumi up</c> applies them.</summary>
    DrTierFailed,
    RollbackStarted,
    RolledBack,
    RollbackFailed,
    StackBusy,
    Interrupted,
    NotifyFailed,

    /// <summary>Another machine took over a rollout whose runner stopped renewing its hold (<c>--take-over</c>).</summary>
    TakenOver,

    /// <summary>A deploy started with <c>--during-incident</c>, past the pre-flight's refusal of alarms in ALARM.</summary>
    IncidentOverride,
    /// <summary>A canary analysis decision (pass, inconclusive or fail) with every number it used in the data.</summary>
    CanaryAnalysed,

    /// <summary>A step's analysis stayed inconclusive: the bake is extended, or the step fails or pauses.</summary>
    StepInconclusive,

    /// <summary>The rollout waits, gates still watched, for promote or abort from any machine.</summary>
    Paused,

    /// <summary>A rollback moved traffic back with the load balancer's API and recorded it as applied, before its reconciling update.</summary>
    FastRollbackApplied,

    /// <summary>A rollback's direct switch failed (or could not be made); the targeted update moves the traffic instead.</summary>
    FastRollbackFailed,

    /// <summary>The release guard had already moved traffic back; the runner makes the same call again and reconciles.</summary>
    GuardRollbackAdopted,

    /// <summary>The targeted refresh after a direct switch failed; the reconciling update goes on and shows the routes as changed.</summary>
    StateRefreshFailed,

    /// <summary>A release hook started; data: hook (snapshot, migration, prune, pause, webhook:NAME) and at (pre-release, pre-traffic, post-step, post-release, rollback).</summary>
    HookStarted,

    /// <summary>A deploy overrode the stack's release hooks with flags (<c>--no-snapshot</c>, <c>--skip-webhook</c>, ...); data: overrides, as typed.</summary>
    HooksOverridden,

    /// <summary>A release hook ended; data as HookStarted plus result (ok, failed, timeout), durationSeconds and output (a reference, never a body or a secret).</summary>
    HookFinished,
}

/// <summary>
/// One journal line. <see cref="Data"/> holds the structured facts (step, percent, alarm states, per-service weights)
/// so tools can read the journal without parsing <see cref="Message"/>.
/// </summary>
public sealed record RolloutEvent(
    DateTimeOffset At,
    string RolloutId,
    RolloutEventKind Kind,
    string Message,
    IReadOnlyDictionary<string, string> Data);

/// <summary>Append-only record of rollout events (the JSON-lines adapter).</summary>
public interface IJournal
{
    Task AppendAsync(RolloutEvent rolloutEvent, CancellationToken cancellationToken);
}

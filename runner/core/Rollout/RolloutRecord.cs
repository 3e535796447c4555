namespace Infra.Runner.Rollout;

/// <summary>Where a rollout is. The order matters: phases before <see cref="Shifting"/> have not moved any traffic.</summary>
public enum RolloutPhase
{
    /// <summary>Setting the new color's image and applying its task definition and service.</summary>
    Deploying,

    /// <summary>Waiting until each new color runs its desired count of tasks with every target healthy, or its ready timeout.</summary>
    WaitingForReady,
    SmokeTesting,

    /// <summary>
    /// Stopping before any traffic moved (e.g. after a failed smoke check): recorded before the new colors' config is
    /// restored, so a runner killed mid-restore is finished by <c>resume</c> or <c>rollback</c>, never shifted.
    /// </summary>
    Stopping,

    /// <summary>Applying and baking the step at <see cref="RolloutRecord.StepIndex"/>.</summary>
    Shifting,

    /// <summary>The new color is live; the old one stays up for fast rollback until the termination wait ends.</summary>
    TerminationWait,
    ScalingDown,

    /// <summary>A rollback was started and did not finish: traffic may be split, <c>rollback</c> must be run again.</summary>
    RollingBack,
}

/// <summary>A request from <c>promote</c>, read by the running rollout at its next poll.</summary>
public enum PromotionRequest
{
    None,

    /// <summary>End the current bake (or termination wait) now.</summary>
    SkipBake,

    /// <summary>Go straight to 100% and skip every remaining bake.</summary>
    Full,
}

/// <summary>
/// An abort or rollback asked for by another command (any machine), read by the runner holding the rollout at its next
/// poll: it then rolls back itself, so nothing it does afterwards can undo the request.
/// </summary>
public sealed record RolloutStopRequest(string Action, string RequestedBy)
{
    /// <summary>
    /// The release guard asked for this rollback after it had moved every service back to its live color itself:
    /// the rollback adopts that, says so, and makes the same idempotent load-balancer call again (an update of the
    /// runner's in flight when the guard acted may have split the traffic again).
    /// </summary>
    public bool GuardFlipped { get; init; }

    public string Describe() => $"{Action} requested by {RequestedBy}";
}

/// <summary>
/// One service in a rollout: it moves from <see cref="FromColor"/> (live when the rollout started) to <see cref="ToColor"/>
/// running <see cref="Image"/>. <see cref="Replaced"/> is the new color's config before the rollout, put back when the
/// rollout stops before traffic moved (null in records written before the runner kept it: then nothing is put back).
/// </summary>
public sealed record RolloutServiceRecord(string Name, DeployColor FromColor, DeployColor ToColor, string Image, ColorConfig? Replaced = null);

/// <summary>
/// The in-progress rollout, kept in the stack's release ledger (the lease) so any machine can resume it or roll it back.
/// It carries the whole plan so <c>resume</c> needs no arguments. <see cref="Promotion"/> and <see cref="StopRequest"/>
/// are requests from other commands, delivered with the record when it is read. <see cref="Hooks"/> says which release
/// hooks started and finished, so a resume never runs a finished one again (null in records written before hooks).
/// </summary>
public sealed record RolloutRecord(
    string Id,
    DateTimeOffset StartedAt,
    RolloutPlan Plan,
    IReadOnlyList<RolloutServiceRecord> Services,
    RolloutPhase Phase,
    int StepIndex,
    DateTimeOffset PhaseStartedAt,
    PromotionRequest Promotion,
    RolloutStopRequest? StopRequest = null,
    IReadOnlyList<HookRecord>? Hooks = null)
{
    /// <summary>True once weights may have moved, so a stop must restore them.</summary>
    public bool TrafficMayHaveMoved => Phase >= RolloutPhase.Shifting;

    public int CurrentPercent => Plan.Steps[StepIndex];

    public bool IsLastStep => StepIndex == Plan.Steps.Count - 1;
}

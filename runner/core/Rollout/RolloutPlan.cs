namespace Infra.Runner.Rollout;

/// <summary>One service to release; a null image redeploys the image already configured for its idle color.</summary>
public sealed record ServiceRequest(string Name, string? Image);

/// <summary>
/// Smoke check through the test listener: <see cref="ConsecutiveSuccesses"/> 2xx answers in a row on <see cref="Path"/>
/// within <see cref="Timeout"/>. A null path means each service's own health-check path.
/// </summary>
public sealed record SmokeCheckSettings(string? Path, int ConsecutiveSuccesses, TimeSpan Timeout);

/// <summary>How a gate alarm in INSUFFICIENT_DATA (a color with little traffic) counts during a bake.</summary>
public enum InsufficientDataPolicy
{
    /// <summary>Not a failure; the smoke checks already passed before any traffic moved.</summary>
    Ok,

    /// <summary>Treated like ALARM: the rollout rolls back.</summary>
    Fail,
}

/// <summary>
/// A validated release: which services move to their idle color, the weight steps (ending at 100),
/// how long each step bakes, how often alarms are polled, the smoke check, and how long the old color
/// stays up after success. Build it with <see cref="RolloutPlanParser"/> from command-line values.
/// </summary>
public sealed record RolloutPlan(
    IReadOnlyList<ServiceRequest> Services,
    IReadOnlyList<int> Steps,
    TimeSpan Bake,
    TimeSpan PollInterval,
    SmokeCheckSettings Smoke,
    TimeSpan TerminationWait,
    InsufficientDataPolicy InsufficientData)
{
    /// <summary>How long the new colors may take to run their tasks with every target healthy; then the rollout stops before traffic moves.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Deploy although a watched alarm is in ALARM (<c>--during-incident</c>, a hotfix): kept with the plan so a resume
    /// before traffic moved does not refuse what the operator overrode.
    /// </summary>
    public bool DuringIncident { get; init; }
    /// <summary>How each step's canary analysis judges the new color; records stored before it existed read the defaults.</summary>
    public CanarySettings Canary { get; init; } = CanarySettings.Default;

    /// <summary>Snapshot, migration and pruning around the release; records stored before hooks existed read none.</summary>
    public ReleaseHooks Hooks { get; init; } = ReleaseHooks.None;
    /// <summary>The <c>pause</c> entries of the steps, in order; records stored before pauses existed read none.</summary>
    public IReadOnlyList<RolloutPause> Pauses { get; init; } = [];

    /// <summary>What a timed pause does when its timeout passes without promote or abort.</summary>
    public PauseTimeoutAction PauseTimeoutAction { get; init; } = PauseTimeoutAction.Rollback;

    /// <summary>The stack's webhooks (<c>infra:rollout.hooks.webhooks</c>); records stored before webhooks existed read none.</summary>
    public IReadOnlyList<RolloutWebhook> Webhooks { get; init; } = [];

    /// <summary>The deploy's flags that overrode the stack's hooks (already applied above), kept to be shown; records stored before them read none.</summary>
    public HookOverrides Overrides { get; init; } = HookOverrides.None;

    /// <summary>The pause after the step at <paramref name="stepIndex"/>, or null.</summary>
    public RolloutPause? PauseAfter(int stepIndex) => Pauses.FirstOrDefault(p => p.AfterStepIndex == stepIndex);
}

namespace Infra.Stacks.Settings;

/// <summary><c>infra:rollout</c>: how the runner shifts traffic.</summary>
/// <param name="Steps">Weights of the new color, strictly increasing, ending at 100. Default [10, 50, 100]. The
/// stack file may put <c>pause</c> items between them: those are <see cref="Pauses"/>.</param>
/// <param name="BakeMinutes">Wait after each step while gate alarms are polled; at least the longest gate alarm's
/// evaluation window plus one period (see <see cref="Validation.GateWindows"/>). Default staging 4, production 5.</param>
/// <param name="PollIntervalSeconds">At most the bake. Default 10.</param>
/// <param name="InsufficientData">Default ok: not a failure, but smoke checks must pass.</param>
/// <param name="TerminationWaitMinutes">How long the old color stays up for fast rollback. Default 15.</param>
/// <param name="ReadyTimeoutMinutes">How long the new color may take to run its tasks with every target healthy
/// before the smoke check; then the rollout stops before traffic moves. 1 to 60, default 10.</param>
/// <param name="Hooks"><c>hooks</c>: snapshot, pruning and migration around a release; null (no hooks) only in records built by hand.</param>
public sealed record RolloutSettings(
    ValueList<int> Steps,
    int BakeMinutes,
    int PollIntervalSeconds,
    InsufficientDataPolicy InsufficientData,
    int TerminationWaitMinutes,
    int ReadyTimeoutMinutes,
    ReleaseHookSettings? Hooks = null)
{
    /// <summary>Requests the new color must serve in a step for its canary analysis to decide. Default 50 (defaults in StackDefaults).</summary>
    public int MinRequestsPerStep { get; init; }

    /// <summary>How long an inconclusive step's bake is extended before <see cref="OnInconclusive"/> applies. Default 10.</summary>
    public int MaxInconclusiveMinutes { get; init; }

    /// <summary>Default fail: roll back; pause waits for promote or abort.</summary>
    public InconclusivePolicy OnInconclusive { get; init; }

    /// <summary>The new color fails above max(live error rate × this, <see cref="ErrorRateFloorPercent"/>). Default 2.</summary>
    public double ErrorRateRatio { get; init; }

    /// <summary>An error rate up to this percentage never fails. Default 1.</summary>
    public double ErrorRateFloorPercent { get; init; }

    /// <summary>The new color fails when its p99 exceeds the live color's p99 × this. Default 2.</summary>
    public double LatencyRatio { get; init; }

    /// <summary>The <c>pause</c> / <c>pause:DURATION</c> items of the steps, each after the step it follows. Default none.</summary>
    public ValueList<PauseSetting> Pauses { get; init; } = ValueList<PauseSetting>.Empty;

    /// <summary>What a timed pause does at its timeout. Default rollback.</summary>
    public PauseTimeoutAction PauseTimeoutAction { get; init; }
}

namespace Infra.Runner.Rollout;

/// <summary>
/// A progress line during a wait, reported at every poll through <see cref="IProgress{T}"/> so the CLI can print it:
/// which step (1-based) of how many, the percent on the new color, time left in the wait, and the alarm states read.
/// </summary>
public sealed record RolloutProgress(
    string RolloutId,
    RolloutPhase Phase,
    int StepNumber,
    int StepCount,
    int Percent,
    TimeSpan TimeLeft,
    IReadOnlyDictionary<string, AlarmState> AlarmStates)
{
    /// <summary>While <see cref="RolloutPhase.WaitingForReady"/>: each service's healthy and wanted task counts; while a hook waits, its snapshot's or task's state; otherwise null.</summary>
    public string? Readiness { get; init; }
}

using Infra.Runner.Dr;

namespace Infra.Runner.Drill;

/// <summary>What became of a restore drill's instance.</summary>
public enum RestoreCleanup
{
    /// <summary>No restore was started, so there is nothing to delete.</summary>
    NotNeeded,
    Deleted,
    DeletionFailed,
}

/// <summary>
/// Everything a drill has established so far; each phase adds to it, and the reports are rendered from it whatever
/// phase the drill ended in. Times are UTC from the drill's clock; null means the phase was not reached.
/// </summary>
public sealed record DrillFacts(
    string DrillId,
    DrillStackState Stack,
    bool Restore,
    DateTimeOffset StartedAt,
    string? HealthUrl,
    int HealthSuccesses)
{
    /// <summary>The replica lag's window, for reference: the five minutes before the drill started.</summary>
    public DateTimeOffset LagFrom => StartedAt - DrillOptions.LagWindow;

    public DateTimeOffset LagTo => StartedAt;

    public IReadOnlyList<PhaseTiming> Phases { get; init; } = [];

    public ReplicaLagReading? Lag { get; init; }

    public MarkerRun? Markers { get; init; }

    public RecoveryPoint? Rpo { get; init; }

    /// <summary>When the marker writer stopped: at the promote call, or when the restore time was chosen (or the drill ended first).</summary>
    public DateTimeOffset? MarkersStoppedAt { get; init; }

    /// <summary>Promotion drill: when the drill handed over to the failover procedure.</summary>
    public DateTimeOffset? FailoverStartedAt { get; init; }

    /// <summary>Promotion drill: failover's ending and its reports, once it ended.</summary>
    public DrResult? Failover { get; init; }

    public DateTimeOffset? HealthyAt { get; init; }

    /// <summary>Restore drill: the instance restored into, once the restore was asked for.</summary>
    public string? RestoreInstanceId { get; init; }

    public DateTimeOffset? RestoreTime { get; init; }

    /// <summary>Restore drill: when the restored instance was available with an address.</summary>
    public DateTimeOffset? RestoredAt { get; init; }

    public RestoreCleanup Cleanup { get; init; } = RestoreCleanup.NotNeeded;

    public string? CleanupDetail { get; init; }

    /// <summary>The phase the drill failed or was interrupted in; null when none did.</summary>
    public DrillPhase? FailedPhase { get; init; }

    /// <summary>When the drill's copy of the data could serve: the DR region healthy, or the restored instance available.</summary>
    public DateTimeOffset? RecoveredAt => Restore ? RestoredAt : HealthyAt;

    /// <summary>Recovery time: from the drill's start to <see cref="RecoveredAt"/>.</summary>
    public TimeSpan? Rto => RecoveredAt - StartedAt;

    public TargetVerdict RtoVerdict => TargetJudge.Rto(Rto, Stack.Targets);

    public TargetVerdict RpoVerdict => TargetJudge.Rpo(Rpo, Stack.Targets);

    /// <summary>Whether failover started, so the DR region may be promoted and needs a fail-back.</summary>
    public bool MayBePromoted => FailoverStartedAt is not null;

    public DrillFacts Begin(DrillPhase phase, DateTimeOffset at) => this with { Phases = [.. Phases, new PhaseTiming(phase, at)] };

    /// <summary>Ends the running phase; a failure also names it as the drill's failed phase.</summary>
    public DrillFacts End(DateTimeOffset at, PhaseResult result)
    {
        var running = Phases[^1];
        return this with
        {
            Phases = [.. Phases.Take(Phases.Count - 1), running with { EndedAt = at, Result = result }],
            FailedPhase = result == PhaseResult.Failed ? FailedPhase ?? running.Phase : FailedPhase,
        };
    }

    /// <summary>The phase still running (an interruption's), or null.</summary>
    public DrillPhase? Running => Phases.Count > 0 && Phases[^1].Result == PhaseResult.Running ? Phases[^1].Phase : null;
}

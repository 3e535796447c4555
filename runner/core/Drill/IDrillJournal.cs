namespace Infra.Runner.Drill;

/// <summary>What happened during a drill, one event per phase.</summary>
public enum DrillEventKind
{
    Started,

    /// <summary>A phase began; the message says what it does.</summary>
    PhaseStarted,
    LagMeasured,

    /// <summary>No ReplicaLag data in the window: the lag is unknown; a warning, the drill goes on.</summary>
    LagUnknown,
    LagReadFailed,
    MarkersWritten,

    /// <summary>The marker writer stopped (at the promote call, or when the restore time was chosen): how many it wrote and how many failed.</summary>
    MarkersStopped,
    MarkersFailed,
    FailoverStarted,
    FailedOver,
    FailoverFailed,
    MarkerRead,
    MarkerReadFailed,
    Healthy,
    HealthTimedOut,
    RestoreStarted,

    /// <summary>A look at the restored instance's status while it is being created.</summary>
    RestoreStatus,
    Restored,
    RestoreFailed,
    InstanceDeleted,
    InstanceDeletionFailed,

    /// <summary>The report files could not be written, or the report sent to the pager (Slack; SNS when critical) or recorded in the ledger; a warning, the others still get it.</summary>
    ReportNotSent,
    Finished,
    Interrupted,
}

/// <summary>One drill journal line; <see cref="Data"/> holds the facts (times, RTO, RPO) so tools need not parse the message.</summary>
public sealed record DrillEvent(
    DateTimeOffset At,
    string DrillId,
    DrillEventKind Kind,
    string Message,
    IReadOnlyDictionary<string, string> Data);

/// <summary>Append-only record of drill events (the JSON-lines adapter), kept apart from the rollout journal.</summary>
public interface IDrillJournal
{
    Task AppendAsync(DrillEvent drillEvent, CancellationToken cancellationToken);
}

namespace Infra.Runner.Drill;

/// <summary>What happened during a drill, one event per phase.</summary>
public enum DrillEventKind
{
    Started,
    RpoMeasured,

    /// <summary>No ReplicaLag data in the window: the RPO is unknown; a warning, the drill goes on.</summary>
    RpoUnknown,
    RpoReadFailed,
    PromotionConfigured,
    UpdateStarted,
    Promoted,
    UpdateFailed,
    StackBusy,
    Healthy,
    HealthTimedOut,
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

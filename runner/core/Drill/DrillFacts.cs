namespace Infra.Runner.Drill;

/// <summary>Whether the drill changed the promotion in the release ledger (<c>drPromoted</c>), for the report's promotion line.</summary>
public enum PromoteConfig
{
    Unchanged,
    SetTrue,

    /// <summary>Written true, then set back to false because the update never started (the stack was busy).</summary>
    SetBackToFalse,
}

/// <summary>
/// Everything a drill has established so far; each phase adds to it, and the report is rendered from it whatever
/// phase the drill ended in. Times are UTC from the drill's clock; null means the phase was not reached.
/// </summary>
public sealed record DrillFacts(
    string DrillId,
    DrillStackState Stack,
    DateTimeOffset StartedAt,
    string HealthUrl,
    int HealthSuccesses,
    DateTimeOffset LagFrom,
    DateTimeOffset LagTo)
{
    public ReplicaLagReading? Lag { get; init; }

    public PromoteConfig PromoteConfig { get; init; } = PromoteConfig.Unchanged;

    public DateTimeOffset? UpdateStartedAt { get; init; }

    public DateTimeOffset? PromotedAt { get; init; }

    public DateTimeOffset? HealthyAt { get; init; }

    /// <summary>Recovery time: from the start of the promotion update to the DR region answering healthy.</summary>
    public TimeSpan? Rto => HealthyAt - UpdateStartedAt;

    /// <summary>Whether the promotion may have reached AWS, so the report must list the fail-back steps.</summary>
    public bool MayBePromoted => UpdateStartedAt is not null;
}

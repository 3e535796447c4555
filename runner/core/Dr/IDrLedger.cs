namespace Infra.Runner.Dr;

/// <summary>One failover or fail-back journal entry; <see cref="Data"/> carries the facts for tools.</summary>
public sealed record DrEvent(DateTimeOffset At, string Kind, string Message, IReadOnlyDictionary<string, string> Data);

/// <summary>
/// The release ledger as failover and fail-back use it, through the replica in the region that is up: the promotion
/// (the ledger's own <c>dr</c> item, read by the program, so a later <c>pulumi up</c> keeps what AWS now has) and the journal.
/// </summary>
public interface IDrLedger
{
    Task<PromotionState> ReadPromotionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records a promotion AWS already has, or is about to have (no update is needed to reach it); the release item is not
    /// written. The recorded promoted resource id is kept, except by <see cref="PromotionState.NotPromoted"/>, which clears
    /// it: from then on the DR instance that was promoted is no longer the writer.
    /// </summary>
    Task RecordPromotionAsync(PromotionState promotion, CancellationToken cancellationToken);

    /// <summary>The DbiResourceId failover recorded before promoting the DR replica (<see cref="RecordPromotingAsync"/>); null when none is recorded.</summary>
    Task<string?> ReadPromotedResourceIdAsync(CancellationToken cancellationToken);

    /// <summary>Records the DbiResourceId of the DR replica failover is about to promote, keeping the promotion state as it is.</summary>
    Task RecordPromotingAsync(string resourceId, CancellationToken cancellationToken);

    /// <summary>
    /// Sets or clears the release documents' promotion mark, which code older than the <c>dr</c> item refuses to read,
    /// so it stops instead of declaring a promoted stack unpromoted. Retried over the runner's and the guard's release
    /// writes. A release item no version can read is left as it is (older code stops on it all the same), so it never
    /// blocks a failover.
    /// </summary>
    /// <returns>What the release documents now say, for the report.</returns>
    Task<string> MarkReleasePromotedAsync(bool promoted, CancellationToken cancellationToken);

    /// <summary>Whether the release documents carry the promotion mark (false for a release item no version can read).</summary>
    Task<bool> ReadReleaseMarkedAsync(CancellationToken cancellationToken);

    Task AppendAsync(DrEvent drEvent, CancellationToken cancellationToken);
}

using Infra.Stacks.Release;

namespace Infra.Ledger;

// The release documents' promotion mark (ReleaseState.DrPromotedPerDrItem): written by failover and fail-back only, kept
// by every other release write. It lives in the release item because that is the item older code reads.
public sealed partial class ReleaseLedger
{
    /// <summary>
    /// How often a mark write lost to another release writer (the runner, the release guard) is read again and retried.
    /// Each of them writes once per step or rollback, so losing this many times in a row means something is looping.
    /// </summary>
    private const int MarkAttempts = 5;

    /// <summary>
    /// Sets (<paramref name="promoted"/> true) or clears the promotion mark in both documents of the release item, leaving
    /// everything else as it is: a compare-and-swap over the version just read, read again and retried when another
    /// release writer got there first. Nothing is written when both documents already say it. Without a release item,
    /// marking writes one whose documents hold no service (current readers then seed every service from the stack file,
    /// as before a first release, while older readers stop on the mark); clearing writes nothing.
    /// </summary>
    /// <returns>The release as it now is; null when clearing found no release item.</returns>
    /// <exception cref="ReleaseVersionConflictException">The release changed under every one of the attempts; the mark may not say <paramref name="promoted"/>.</exception>
    public async Task<ReleaseRecord?> MarkReleasePromotedAsync(bool promoted, string updatedBy, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadReleaseAsync(cancellationToken).ConfigureAwait(false);
            if (current is null ? !promoted : current.Desired.DrPromotedPerDrItem == promoted && current.Applied.DrPromotedPerDrItem == promoted) return current;
            var (desired, applied) = current is null ? (ReleaseState.Empty, ReleaseState.Empty) : (current.Desired, current.Applied);
            try
            {
                return await WriteReleaseAsync(current?.Version ?? 0, desired with { DrPromotedPerDrItem = promoted },
                    applied with { DrPromotedPerDrItem = promoted }, updatedBy, cancellationToken).ConfigureAwait(false);
            }
            catch (ReleaseVersionConflictException) when (attempt < MarkAttempts)
            {
            }
        }
    }

    /// <summary>Whether the release item carries the promotion mark (in either document; the mark writes both).</summary>
    public async Task<bool> ReadReleaseMarkedAsync(CancellationToken cancellationToken = default) =>
        await ReadReleaseAsync(cancellationToken).ConfigureAwait(false) is { } release && (release.Desired.DrPromotedPerDrItem || release.Applied.DrPromotedPerDrItem);
}

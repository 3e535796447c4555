using System.Diagnostics;
using System.Text.Json;
using Infra.Ledger;
using Infra.Runner.Dr;
using Infra.Stacks.Release;

namespace Infra.Runner.Adapters.Dr;

/// <summary>
/// The release ledger for failover, fail-back and drills, through a client of the region that is up (failover: the DR
/// region's replica of the global table). The promotion goes to the ledger's <c>dr</c> item only, never the release
/// item the runner and the release guard write in the primary region: the global table resolves concurrent writes
/// last-writer-wins per item, so a release written there could otherwise undo it. The release item gets only the
/// promotion mark for older code, which decides nothing for current code. Events go to the stack's journal with their
/// data as JSON.
/// </summary>
public sealed class LedgerDrRecord(ReleaseLedger ledger) : IDrLedger
{
    public async Task<PromotionState> ReadPromotionAsync(CancellationToken cancellationToken) =>
        await ledger.ReadDrPromotionAsync(cancellationToken) switch
        {
            DrPromotion.Promoted => PromotionState.Promoted,
            DrPromotion.SwitchingBack => PromotionState.SwitchingBack,
            DrPromotion.NotPromoted => PromotionState.NotPromoted,
            var other => throw new UnreachableException($"the ledger read a DR promotion with no runner state: {other}"),
        };

    /// <summary>
    /// One compare-and-swap over the version just read; a <see cref="DrVersionConflictException"/> (another DR command
    /// wrote meanwhile) fails the step with nothing written.
    /// </summary>
    public async Task RecordPromotionAsync(PromotionState promotion, CancellationToken cancellationToken)
    {
        var current = await ledger.ReadDrAsync(cancellationToken);
        var recorded = promotion switch
        {
            PromotionState.Promoted => DrPromotion.Promoted,
            PromotionState.SwitchingBack => DrPromotion.SwitchingBack,
            PromotionState.NotPromoted => DrPromotion.NotPromoted,
            _ => throw new UnreachableException($"a runner state with no DR promotion: {promotion}"),
        };
        var promotedResourceId = recorded == DrPromotion.NotPromoted ? null : current?.PromotedResourceId;
        await ledger.WriteDrAsync(current?.Version ?? 0, recorded, $"{ReleaseStore.Writer} on {ledger.Owner}", promotedResourceId, cancellationToken);
    }

    public async Task<string?> ReadPromotedResourceIdAsync(CancellationToken cancellationToken) => (await ledger.ReadDrAsync(cancellationToken))?.PromotedResourceId;

    /// <summary>
    /// The same compare-and-swap; without a <c>dr</c> item the promotion is what the release documents say (a stack an
    /// older version failed over stays promoted).
    /// </summary>
    public async Task RecordPromotingAsync(string resourceId, CancellationToken cancellationToken)
    {
        var current = await ledger.ReadDrAsync(cancellationToken);
        var promotion = current?.Promotion ?? await ledger.ReadDrPromotionAsync(cancellationToken);
        await ledger.WriteDrAsync(current?.Version ?? 0, promotion, $"{ReleaseStore.Writer} on {ledger.Owner}", resourceId, cancellationToken);
    }

    /// <summary>
    /// The release item's mark only: desired and applied otherwise stay as the runner or the release guard wrote them. A
    /// write lost to one of them is read again and retried (<see cref="ReleaseLedger.MarkReleasePromotedAsync"/>).
    /// </summary>
    public async Task<string> MarkReleasePromotedAsync(bool promoted, CancellationToken cancellationToken)
    {
        try
        {
            var release = await ledger.MarkReleasePromotedAsync(promoted, $"{ReleaseStore.Writer} on {ledger.Owner}", cancellationToken);
            return (promoted, release) switch
            {
                (true, _) => $"the release documents (version {release!.Version}) carry drPromotedPerDrItem: code older than the dr item refuses them",
                (false, null) => "there is no release item: nothing to clear",
                (false, _) => $"the release documents (version {release.Version}) no longer carry drPromotedPerDrItem",
            };
        }
        catch (LedgerFormatException unreadable) when (unreadable.ItemKey == LedgerTable.ReleaseItem)
        {
            return $"left as it is: no version of the runner or the program can read the release item ({unreadable.Message}), older code included";
        }
    }

    public async Task<bool> ReadReleaseMarkedAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ledger.ReadReleaseMarkedAsync(cancellationToken);
        }
        catch (LedgerFormatException unreadable) when (unreadable.ItemKey == LedgerTable.ReleaseItem)
        {
            return false;
        }
    }

    public Task AppendAsync(DrEvent drEvent, CancellationToken cancellationToken) =>
        ledger.AppendEventAsync(drEvent.Kind, JsonSerializer.Serialize(new Dictionary<string, string>(drEvent.Data) { ["message"] = drEvent.Message }), cancellationToken);
}

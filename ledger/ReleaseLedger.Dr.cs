using Amazon.DynamoDBv2.Model;
using Infra.Ledger.Items;
using Infra.Stacks.Release;

namespace Infra.Ledger;

// The DR item: version (N), promoted (BOOL), switchingBack (BOOL, only while fail-back switches back; missing: not,
// as in items written before it existed), promotedResourceId (S, only while failover's promoted replica is known; older
// readers ignore it, older writers drop it), updatedAt (S), updatedBy (S). Written only by failover, fail-back and
// drills, often through the DR region's replica while the runner and the release guard write the release item in the
// primary region: the global table resolves concurrent writes last-writer-wins per item, so each lives in its own item.
public sealed partial class ReleaseLedger
{
    private const string PromotedAttr = "promoted";
    private const string SwitchingBackAttr = "switchingBack";
    private const string PromotedResourceIdAttr = "promotedResourceId";

    /// <summary>The stack's DR promotion; null before any DR command recorded one.</summary>
    /// <exception cref="LedgerFormatException">The item is not the shape <see cref="WriteDrAsync"/> writes.</exception>
    public async Task<DrRecord?> ReadDrAsync(CancellationToken cancellationToken = default)
    {
        var item = await GetAsync(LedgerTable.DrItem, cancellationToken).ConfigureAwait(false);
        if (item is null) return null;
        var read = Reader(LedgerTable.DrItem, item);
        var promoted = read.Bool(PromotedAttr);
        var switchingBack = item.ContainsKey(SwitchingBackAttr) && read.Bool(SwitchingBackAttr);
        // Switching back is a phase of the promotion: fail-back clears both at once.
        if (switchingBack && !promoted) read.Refuse(SwitchingBackAttr, $"expected true only with {PromotedAttr}: true");
        var promotion = !promoted ? DrPromotion.NotPromoted : switchingBack ? DrPromotion.SwitchingBack : DrPromotion.Promoted;
        return new DrRecord(read.Number(VersionAttr), promotion, read.Time(UpdatedAtAttr), read.String(UpdatedByAttr), read.OptionalString(PromotedResourceIdAttr));
    }

    /// <summary>
    /// The DR region's role, as <see cref="DrRecord.PromotionOf"/> tells from the <c>dr</c> item and, before one exists,
    /// the release a previous version recorded the promotion in.
    /// </summary>
    public async Task<DrPromotion> ReadDrPromotionAsync(CancellationToken cancellationToken = default)
    {
        var dr = await ReadDrAsync(cancellationToken).ConfigureAwait(false);
        return DrRecord.PromotionOf(dr, dr is null ? await ReadReleaseAsync(cancellationToken).ConfigureAwait(false) : null);
    }

    /// <summary>Whether the DR region is promoted (switching back included: its database is the writer until fail-back promotes the primary's).</summary>
    public async Task<bool> ReadDrPromotedAsync(CancellationToken cancellationToken = default) =>
        await ReadDrPromotionAsync(cancellationToken).ConfigureAwait(false) != DrPromotion.NotPromoted;

    /// <summary>
    /// Writes <paramref name="promotion"/> (and <paramref name="promotedResourceId"/>, see <see cref="DrRecord.PromotedResourceId"/>)
    /// as version <paramref name="expectedVersion"/> + 1, only if the ledger still holds <paramref name="expectedVersion"/>
    /// (0: only if no promotion was recorded yet). The release item is not touched.
    /// </summary>
    /// <exception cref="DrVersionConflictException">Another DR command got there first; nothing was written.</exception>
    public async Task<DrRecord> WriteDrAsync(
        long expectedVersion, DrPromotion promotion, string updatedBy, string? promotedResourceId = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        if (promotedResourceId is not null) ArgumentException.ThrowIfNullOrWhiteSpace(promotedResourceId);
        var record = new DrRecord(expectedVersion + 1, promotion, _time.GetUtcNow(), updatedBy, promotedResourceId);
        var attributes = new Dictionary<string, AttributeValue>
        {
            [VersionAttr] = Attr.N(record.Version),
            [PromotedAttr] = Attr.Bool(record.Promoted),
            [UpdatedAtAttr] = Attr.Time(record.UpdatedAt),
            [UpdatedByAttr] = Attr.S(updatedBy),
        };
        // Only while switching back, so a plain promotion keeps the shape every earlier version reads and writes.
        if (promotion == DrPromotion.SwitchingBack) attributes[SwitchingBackAttr] = Attr.Bool(true);
        if (promotedResourceId is not null) attributes[PromotedResourceIdAttr] = Attr.S(promotedResourceId);
        var request = new PutItemRequest { TableName = TableName, Item = NewItem(LedgerTable.DrItem, attributes) };
        OnlyOverVersion(request, expectedVersion);
        if (await TryWriteAsync(() => _client.PutItemAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false))
            return record;
        var actual = await ReadDrAsync(cancellationToken).ConfigureAwait(false);
        if (WrittenByThisCall(record, actual)) return record;
        throw new DrVersionConflictException(Stack, expectedVersion, actual?.Version ?? 0);
    }
}

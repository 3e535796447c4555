using Amazon.DynamoDBv2.Model;
using Infra.Ledger.Items;
using Infra.Stacks.Release;

namespace Infra.Ledger;

// The DR item: version (N), promoted (BOOL), updatedAt (S), updatedBy (S). Written only by failover, fail-back and
// drills, often through the DR region's replica while the runner and the release guard write the release item in the
// primary region: the global table resolves concurrent writes last-writer-wins per item, so each lives in its own item.
public sealed partial class ReleaseLedger
{
    private const string PromotedAttr = "promoted";

    /// <summary>The stack's DR promotion; null before any DR command recorded one.</summary>
    /// <exception cref="LedgerFormatException">The item is not the shape <see cref="WriteDrAsync"/> writes.</exception>
    public async Task<DrRecord?> ReadDrAsync(CancellationToken cancellationToken = default)
    {
        var item = await GetAsync(LedgerTable.DrItem, cancellationToken).ConfigureAwait(false);
        if (item is null) return null;
        var read = Reader(LedgerTable.DrItem, item);
        return new DrRecord(read.Number(VersionAttr), read.Bool(PromotedAttr), read.Time(UpdatedAtAttr), read.String(UpdatedByAttr));
    }

    /// <summary>
    /// Whether the DR region is promoted, as <see cref="DrRecord.IsPromoted"/> tells from the <c>dr</c> item and, before
    /// one exists, the release a previous version recorded the promotion in.
    /// </summary>
    public async Task<bool> ReadDrPromotedAsync(CancellationToken cancellationToken = default)
    {
        var dr = await ReadDrAsync(cancellationToken).ConfigureAwait(false);
        return DrRecord.IsPromoted(dr, dr is null ? await ReadReleaseAsync(cancellationToken).ConfigureAwait(false) : null);
    }

    /// <summary>
    /// Writes the promotion as version <paramref name="expectedVersion"/> + 1, only if the ledger still holds
    /// <paramref name="expectedVersion"/> (0: only if no promotion was recorded yet). The release item is not touched.
    /// </summary>
    /// <exception cref="DrVersionConflictException">Another DR command got there first; nothing was written.</exception>
    public async Task<DrRecord> WriteDrAsync(long expectedVersion, bool promoted, string updatedBy, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        var record = new DrRecord(expectedVersion + 1, promoted, _time.GetUtcNow(), updatedBy);
        var request = new PutItemRequest
        {
            TableName = TableName,
            Item = NewItem(LedgerTable.DrItem, new()
            {
                [VersionAttr] = Attr.N(record.Version),
                [PromotedAttr] = Attr.Bool(promoted),
                [UpdatedAtAttr] = Attr.Time(record.UpdatedAt),
                [UpdatedByAttr] = Attr.S(updatedBy),
            }),
        };
        OnlyOverVersion(request, expectedVersion);
        if (await TryWriteAsync(() => _client.PutItemAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false))
            return record;
        var actual = await ReadDrAsync(cancellationToken).ConfigureAwait(false);
        if (WrittenByThisCall(record, actual)) return record;
        throw new DrVersionConflictException(Stack, expectedVersion, actual?.Version ?? 0);
    }
}

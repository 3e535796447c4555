using Amazon.DynamoDBv2.Model;
using Infra.Ledger.Items;
using Infra.Stacks.Release;

namespace Infra.Ledger;

// The release item: version (N), desired and applied (S, ReleaseStateJson), updatedAt (S), updatedBy (S). The DR
// promotion is not part of it (see ReleaseLedger.Dr.cs); a drPromoted a document still carries is an older version's.
public sealed partial class ReleaseLedger
{
    private const string VersionAttr = "version";
    private const string DesiredAttr = "desired";
    private const string AppliedAttr = "applied";
    private const string UpdatedAtAttr = "updatedAt";
    private const string UpdatedByAttr = "updatedBy";

    /// <summary>The stack's release; null before the first write.</summary>
    /// <exception cref="LedgerFormatException">The item is not the shape <see cref="WriteReleaseAsync"/> writes.</exception>
    public async Task<ReleaseRecord?> ReadReleaseAsync(CancellationToken cancellationToken = default)
    {
        var item = await GetAsync(LedgerTable.ReleaseItem, cancellationToken).ConfigureAwait(false);
        if (item is null) return null;
        var read = Reader(LedgerTable.ReleaseItem, item);
        return new ReleaseRecord(read.Number(VersionAttr), read.ReleaseState(DesiredAttr), read.ReleaseState(AppliedAttr),
            read.Time(UpdatedAtAttr), read.String(UpdatedByAttr));
    }

    /// <summary>
    /// Writes the release as version <paramref name="expectedVersion"/> + 1, only if the ledger still holds
    /// <paramref name="expectedVersion"/> (0: only if there is no release yet). One conditional write: either all of it
    /// or nothing.
    /// </summary>
    /// <exception cref="ReleaseVersionConflictException">Another writer got there first; nothing was written.</exception>
    public async Task<ReleaseRecord> WriteReleaseAsync(long expectedVersion, ReleaseState desired, ReleaseState applied,
        string updatedBy, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        var record = new ReleaseRecord(expectedVersion + 1, desired, applied, _time.GetUtcNow(), updatedBy);
        var request = new PutItemRequest
        {
            TableName = TableName,
            Item = NewItem(LedgerTable.ReleaseItem, new()
            {
                [VersionAttr] = Attr.N(record.Version),
                [DesiredAttr] = Attr.S(ReleaseStateJson.Serialize(desired)),
                [AppliedAttr] = Attr.S(ReleaseStateJson.Serialize(applied)),
                [UpdatedAtAttr] = Attr.Time(record.UpdatedAt),
                [UpdatedByAttr] = Attr.S(updatedBy),
            }),
        };
        OnlyOverVersion(request, expectedVersion);
        if (await TryWriteAsync(() => _client.PutItemAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false))
            return record;
        var actual = await ReadReleaseAsync(cancellationToken).ConfigureAwait(false);
        if (WrittenByThisCall(record, actual)) return record;
        throw new ReleaseVersionConflictException(Stack, expectedVersion, actual?.Version ?? 0);
    }

    /// <summary>
    /// The SDK retries a write whose answer was lost (a timeout or a 5xx after DynamoDB applied it); the retry then
    /// fails its own condition. Finding exactly this call's item (its version, time and content) means the write landed.
    /// </summary>
    private static bool WrittenByThisCall<T>(T written, T? actual) where T : class => written.Equals(actual);

    // The compare-and-swap of a versioned item: written only over `expectedVersion` (0: only where there is no item).
    private static void OnlyOverVersion(PutItemRequest request, long expectedVersion)
    {
        if (expectedVersion == 0)
        {
            request.ConditionExpression = "attribute_not_exists(#sk)";
            request.ExpressionAttributeNames = new() { ["#sk"] = LedgerTable.SortKey };
        }
        else
        {
            request.ConditionExpression = "#version = :expected";
            request.ExpressionAttributeNames = new() { ["#version"] = VersionAttr };
            request.ExpressionAttributeValues = new() { [":expected"] = Attr.N(expectedVersion) };
        }
    }
}

using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Infra.Ledger.Items;
using Infra.Stacks.Release;

namespace Infra.Ledger;

/// <summary>
/// One stack's release ledger: the <c>release</c> item (desired and applied state, written only by compare-and-swap),
/// the <c>lease</c> item (the rollout in progress and its control requests) and the append-only journal, all under
/// partition key = the stack name in <see cref="LedgerTable.NameFor"/>. Every write is a single conditional DynamoDB
/// write, so nothing is ever half-written. Safe to use from any number of machines at once.
/// </summary>
public sealed partial class ReleaseLedger
{
    private readonly IAmazonDynamoDB _client;
    private readonly TimeProvider _time;
    private readonly LedgerCalls _calls;

    /// <param name="client">A DynamoDB client for the stack's region, e.g. from <see cref="LedgerClients.ForRegion"/>.</param>
    /// <param name="owner">Who this process is, written onto leases it takes. Default: <see cref="LeaseOwner.Current"/>.</param>
    /// <param name="time">Default: <see cref="TimeProvider.System"/>.</param>
    public ReleaseLedger(IAmazonDynamoDB client, string stack, LeaseOwner? owner = null, TimeProvider? time = null)
    {
        _client = client;
        _time = time ?? TimeProvider.System;
        Stack = stack;
        TableName = LedgerTable.NameFor(stack);
        Owner = owner ?? LeaseOwner.Current();
        _calls = new LedgerCalls(client, stack, TableName);
    }

    public string Stack { get; }

    /// <summary><c>infra-&lt;stack&gt;-releases</c>.</summary>
    public string TableName { get; }

    public LeaseOwner Owner { get; }

    private Dictionary<string, AttributeValue> Key(string sortKey) => new()
    {
        [LedgerTable.PartitionKey] = Attr.S(Stack),
        [LedgerTable.SortKey] = Attr.S(sortKey),
    };

    private Dictionary<string, AttributeValue> NewItem(string sortKey, Dictionary<string, AttributeValue> attributes)
    {
        var item = Key(sortKey);
        foreach (var (name, value) in attributes) item[name] = value;
        return item;
    }

    private async Task<Dictionary<string, AttributeValue>?> GetAsync(string sortKey, CancellationToken cancellationToken)
    {
        var response = await _calls.RunAsync(writes: false, () => _client.GetItemAsync(new GetItemRequest
        {
            TableName = TableName,
            Key = Key(sortKey),
            ConsistentRead = true,
        }, cancellationToken), cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    // A conditional write; false when its condition did not hold (nothing was written).
    private async Task<bool> TryWriteAsync(Func<Task> write, CancellationToken cancellationToken)
    {
        try
        {
            await _calls.RunAsync(writes: true, async () =>
            {
                await write().ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private ItemReader Reader(string sortKey, Dictionary<string, AttributeValue> item) => new(TableName, sortKey, item);
}

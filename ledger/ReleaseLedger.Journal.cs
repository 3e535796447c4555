using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Infra.Ledger.Items;
using Infra.Stacks.Release;

namespace Infra.Ledger;

// The journal: append-only items `event#<ISO time>#<random>` with at (S), kind (S) and data (S, JSON). Sort keys
// order events by time; the random part keeps two machines' events at the same instant apart.
public sealed partial class ReleaseLedger
{
    private const string AtAttr = "at";
    private const string KindAttr = "kind";
    private const string DataAttr = "data";

    /// <summary>How many events one journal read asks DynamoDB for when the caller does not say.</summary>
    public const int DefaultEventPageSize = 100;

    private readonly Lock _journalClock = new();
    private DateTimeOffset _lastEventAt = DateTimeOffset.MinValue;

    /// <summary>Appends an event; never overwrites one.</summary>
    /// <param name="data">A JSON document (e.g. <c>{"service":"web","weight":50}</c>).</param>
    public async Task<LedgerEvent> AppendEventAsync(string kind, string data, CancellationToken cancellationToken = default)
    {
        RequireJson(data);
        var at = NextEventTime();
        var ledgerEvent = new LedgerEvent(
            $"{LedgerTable.EventItemPrefix}{LedgerTime.Format(at)}#{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}",
            at, kind, data);
        var request = new PutItemRequest
        {
            TableName = TableName,
            Item = NewItem(ledgerEvent.Key, new()
            {
                [AtAttr] = Attr.Time(at),
                [KindAttr] = Attr.S(kind),
                [DataAttr] = Attr.S(data),
            }),
            ConditionExpression = "attribute_not_exists(#sk)",
            ExpressionAttributeNames = new() { ["#sk"] = LedgerTable.SortKey },
        };
        if (!await TryWriteAsync(() => _client.PutItemAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false))
            throw new InvalidOperationException($"journal event {ledgerEvent.Key} already exists in {TableName}; event keys are meant to be unique");
        return ledgerEvent;
    }

    /// <summary>One page of the journal, oldest first, starting after <paramref name="after"/> (null: from the start).</summary>
    public Task<EventPage> ReadEventsAsync(string? after = null, int pageSize = DefaultEventPageSize,
        CancellationToken cancellationToken = default) => QueryEventsAsync(after, pageSize, oldestFirst: true, cancellationToken);

    /// <summary>The whole journal, oldest first, read page by page.</summary>
    public IAsyncEnumerable<LedgerEvent> ReadAllEventsAsync(int pageSize = DefaultEventPageSize, CancellationToken cancellationToken = default) =>
        AllEventsAsync(pageSize, oldestFirst: true, cancellationToken);

    /// <summary>
    /// The journal newest first, read page by page as the caller goes on: what a reader wanting only the latest events
    /// uses, so it stops after a page or two however long the journal has grown.
    /// </summary>
    public IAsyncEnumerable<LedgerEvent> ReadAllEventsNewestFirstAsync(int pageSize = DefaultEventPageSize, CancellationToken cancellationToken = default) =>
        AllEventsAsync(pageSize, oldestFirst: false, cancellationToken);

    private async Task<EventPage> QueryEventsAsync(string? after, int pageSize, bool oldestFirst, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var request = new QueryRequest
        {
            TableName = TableName,
            KeyConditionExpression = "#pk = :pk AND begins_with(#sk, :prefix)",
            ExpressionAttributeNames = new() { ["#pk"] = LedgerTable.PartitionKey, ["#sk"] = LedgerTable.SortKey },
            ExpressionAttributeValues = new() { [":pk"] = Attr.S(Stack), [":prefix"] = Attr.S(LedgerTable.EventItemPrefix) },
            ConsistentRead = true,
            Limit = pageSize,
            ScanIndexForward = oldestFirst,
        };
        if (after is not null) request.ExclusiveStartKey = Key(after);

        var response = await _calls.RunAsync(writes: false, () => _client.QueryAsync(request, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        var events = (response.Items ?? []).Select(ReadEvent).ToList();
        var next = response.LastEvaluatedKey is { Count: > 0 } last ? last[LedgerTable.SortKey].S : null;
        return new EventPage(events, next);
    }

    private async IAsyncEnumerable<LedgerEvent> AllEventsAsync(int pageSize, bool oldestFirst, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        do
        {
            var page = await QueryEventsAsync(after, pageSize, oldestFirst, cancellationToken).ConfigureAwait(false);
            foreach (var ledgerEvent in page.Events) yield return ledgerEvent;
            after = page.NextAfter;
        }
        while (after is not null);
    }

    // Strictly increasing per ledger instance, so this process's events keep their order even within one clock tick.
    private DateTimeOffset NextEventTime()
    {
        lock (_journalClock)
        {
            var now = _time.GetUtcNow();
            _lastEventAt = now > _lastEventAt ? now : _lastEventAt.AddTicks(1);
            return _lastEventAt;
        }
    }

    private LedgerEvent ReadEvent(Dictionary<string, AttributeValue> item)
    {
        var key = item.TryGetValue(LedgerTable.SortKey, out var sk) && sk.S is { } s ? s : "(no sort key)";
        var read = Reader(key, item);
        var data = read.String(DataAttr);
        if (!IsJson(data)) read.Refuse(DataAttr, "expected a JSON document (S)");
        return new LedgerEvent(key, read.Time(AtAttr), read.String(KindAttr), data);
    }

    private static void RequireJson(string data)
    {
        if (!IsJson(data)) throw new ArgumentException($"journal event data must be a JSON document, got '{data}'", nameof(data));
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

using System.Runtime.CompilerServices;
using System.Text.Json;
using Infra.Ledger;
using Infra.Runner.Rollout;

namespace Infra.Runner.Adapters;

/// <summary>
/// The rollout journal as the ledger's append-only events (kind <c>rollout</c>, the event as JSON data), so every
/// machine writes to and reads the same journal, and a killed runner cannot leave a damaged entry behind.
/// </summary>
public sealed class LedgerJournal(ReleaseLedger ledger) : IJournal
{
    public const string Kind = "rollout";

    public Task AppendAsync(RolloutEvent rolloutEvent, CancellationToken cancellationToken) =>
        ledger.AppendEventAsync(Kind, JsonSerializer.Serialize(rolloutEvent, RolloutRecordJson.Options), cancellationToken);

    /// <summary>Every rollout event, oldest first; an entry that is not one names its key.</summary>
    public IAsyncEnumerable<RolloutEvent> ReadAllAsync(CancellationToken cancellationToken) =>
        RolloutEventsAsync(ledger.ReadAllEventsAsync(cancellationToken: cancellationToken), cancellationToken);

    /// <summary>Every rollout event, newest first, read only as far as the caller goes.</summary>
    public IAsyncEnumerable<RolloutEvent> ReadNewestFirstAsync(CancellationToken cancellationToken) =>
        RolloutEventsAsync(ledger.ReadAllEventsNewestFirstAsync(cancellationToken: cancellationToken), cancellationToken);

    private async IAsyncEnumerable<RolloutEvent> RolloutEventsAsync(IAsyncEnumerable<LedgerEvent> entries, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            if (entry.Kind != Kind) continue;
            RolloutEvent? read;
            try
            {
                read = JsonSerializer.Deserialize<RolloutEvent>(entry.Data, RolloutRecordJson.Options);
            }
            catch (JsonException error)
            {
                throw new RolloutInputException($"{ledger.TableName}: journal entry {entry.Key} is not a rollout event ({error.Message})");
            }

            yield return read ?? throw new RolloutInputException($"{ledger.TableName}: journal entry {entry.Key} is empty");
        }
    }
}

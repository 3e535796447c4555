using System.Text.Json;
using Infra.Ledger;
using Infra.Runner.Dr;

namespace Infra.Runner.Adapters.Dr;

/// <summary>
/// The release ledger for failover and fail-back, through a client of the region that is up (failover: the DR region's
/// replica of the global table). The promotion is written to both desired and applied: AWS already has it, so no
/// update is owed. Events go to the stack's journal with their data as JSON.
/// </summary>
public sealed class LedgerDrRecord(ReleaseLedger ledger, ReleaseStore release) : IDrLedger
{
    public async Task<bool> ReadPromotedAsync(CancellationToken cancellationToken) => (await release.ReadAsync(cancellationToken)).Applied.DrPromoted;

    public Task RecordPromotedAsync(bool promoted, CancellationToken cancellationToken) =>
        release.ChangeAppliedAsync(state => state with { DrPromoted = promoted }, cancellationToken);

    public Task AppendAsync(DrEvent drEvent, CancellationToken cancellationToken) =>
        ledger.AppendEventAsync(drEvent.Kind, JsonSerializer.Serialize(new Dictionary<string, string>(drEvent.Data) { ["message"] = drEvent.Message }), cancellationToken);
}

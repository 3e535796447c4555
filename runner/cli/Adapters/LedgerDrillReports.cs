using Infra.Ledger;
using Infra.Runner.Drill;

namespace Infra.Runner.Adapters;

/// <summary>Each finished drill's JSON report as one event of the stack's release ledger (kind <c>drillReport</c>), next to the rollout journal.</summary>
public sealed class LedgerDrillReports(ReleaseLedger ledger) : IDrillReportLedger
{
    public const string Kind = "drillReport";

    public Task RecordAsync(string reportJson, CancellationToken cancellationToken) =>
        ledger.AppendEventAsync(Kind, reportJson, cancellationToken);
}

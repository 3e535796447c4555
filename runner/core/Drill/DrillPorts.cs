using Infra.Runner.Dr;
using Infra.Runner.Rollout;

namespace Infra.Runner.Drill;

/// <summary>
/// Everything outside the drill engine: the stack, CloudWatch's replica lag, the health check of the DR load balancer
/// (the rollout's smoke check), the marker rows, the point-in-time restore (a restore drill's), failover's own ports
/// (a promotion drill promotes through <see cref="Failover"/>, exactly as an outage would), the drill journal, where
/// the finished report goes (its files first, then the pager: Slack, and SNS when critical; the release ledger) and the clock.
/// <see cref="Progress"/> (optional) receives every event as it is journaled, for the log.
/// </summary>
public sealed record DrillPorts(
    IDrillStack Stack,
    IReplicaLagReader ReplicaLag,
    ISmokeCheck Health,
    IMarkerStore Markers,
    IPointInTimeRestore Restore,
    DrPorts Failover,
    IDrillJournal Journal,
    INotifier Notifier,
    IDrillReportLedger Reports,
    IDrillReportFiles Files,
    TimeProvider Time,
    IProgress<DrillEvent>? Progress = null);

/// <summary>The finished drill's report (JSON) kept in the release ledger's journal, readable from any machine.</summary>
public interface IDrillReportLedger
{
    Task RecordAsync(string reportJson, CancellationToken cancellationToken);
}

/// <summary>
/// The finished drill's report as files (Markdown and JSON), written before it is published: a drill stopped while the
/// pager or the ledger is slow still leaves them (dr-drill.yml decides on fail-back from the JSON).
/// </summary>
public interface IDrillReportFiles
{
    /// <summary>Never cancelled: the report must outlive Ctrl+C.</summary>
    Task WriteAsync(string markdown, string json);
}

using Infra.Runner.Rollout;

namespace Infra.Runner.Dr;

/// <summary>
/// Everything outside failover and fail-back: RDS, ECS, Route 53, the primary's health URL, the ledger, the pager and
/// the clock. <see cref="Progress"/> (optional) receives every journaled event, for the log.
/// </summary>
public sealed record DrPorts(
    IDrDatabase Database,
    IDrServices Services,
    IDnsSwitch Dns,
    IHealthProbe Health,
    IDrLedger Ledger,
    INotifier Pager,
    TimeProvider Time,
    IProgress<DrEvent>? Progress = null)
{
    /// <summary>The databases' WAL positions over SQL, which fail-back's catch-ups are proven with; null: fail-back stops before it stops any writes.</summary>
    public IReplicationPosition? Positions { get; init; }

    /// <summary>The DR load balancer's weights, so failover also scales a color it still forwards to; null: such a color is assumed (both are scaled).</summary>
    public IDrRoutes? Routes { get; init; }
}

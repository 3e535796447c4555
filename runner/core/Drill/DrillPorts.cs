using Infra.Runner.Rollout;

namespace Infra.Runner.Drill;

/// <summary>
/// Everything outside the drill engine: the stack, CloudWatch's replica lag, the health check of the DR load balancer
/// (the rollout's smoke check), the journal and the clock. <see cref="Progress"/> (optional) receives every event as
/// it is journaled, for the log.
/// </summary>
public sealed record DrillPorts(
    IDrillStack Stack,
    IReplicaLagReader ReplicaLag,
    ISmokeCheck Health,
    IDrillJournal Journal,
    TimeProvider Time,
    IProgress<DrillEvent>? Progress = null);

namespace Infra.Runner.Dr;

/// <summary>How long each wait of failover and fail-back may take, and how often it looks.</summary>
/// <param name="RpoTargetSeconds">
/// Fail-back's catch-up target: the new replica must replay what the DR database wrote within this many seconds (the
/// stack's <c>infra:dr.rpoTargetSeconds</c>).
/// </param>
/// <param name="PollInterval">Between two looks at an instance or a service. Default 15 s.</param>
/// <param name="PromoteTimeout">For a promoted instance to be available and standalone. Default 30 minutes.</param>
/// <param name="UnansweredPromoteTimeout">
/// After a PromoteReadReplica call that got no answer, how long a replica still available and following its source must
/// stay so before it counts as not promoted (RDS may act on a request the runner gave up on). Default 3 minutes.
/// </param>
/// <param name="ServicesTimeout">For the services to run (or stop) their tasks. Default 15 minutes.</param>
/// <param name="ReplicaTimeout">For a new cross-region replica to be created, and again for it to catch up within the RPO target. Default 3 hours.</param>
/// <param name="FinalCatchUpTimeout">
/// For fail-back's final catch-up while no region takes writes (an outage, so short); when it runs out, writes are
/// restored in the DR region. Default 10 minutes.
/// </param>
public sealed record DrOptions(
    double RpoTargetSeconds,
    TimeSpan? PollInterval = null,
    TimeSpan? PromoteTimeout = null,
    TimeSpan? ServicesTimeout = null,
    TimeSpan? ReplicaTimeout = null,
    TimeSpan? FinalCatchUpTimeout = null,
    TimeSpan? UnansweredPromoteTimeout = null)
{
    public TimeSpan Poll => PollInterval ?? TimeSpan.FromSeconds(15);

    public TimeSpan Promote => PromoteTimeout ?? TimeSpan.FromMinutes(30);

    public TimeSpan Services => ServicesTimeout ?? TimeSpan.FromMinutes(15);

    public TimeSpan Replica => ReplicaTimeout ?? TimeSpan.FromHours(3);

    public TimeSpan FinalCatchUp => FinalCatchUpTimeout ?? TimeSpan.FromMinutes(10);

    public TimeSpan UnansweredPromote => UnansweredPromoteTimeout ?? TimeSpan.FromMinutes(3);
}

namespace Infra.Runner.Dr;

/// <summary>
/// Before anything changes: whether failover can start from the DR instance as it is. It must be an available read
/// replica of the primary, or the standalone an earlier failover promoted (<see cref="PromotedReplica"/>). Anything
/// else (missing, being created or renamed aside by a fail-back's rebuild, a stale standalone) cannot be promoted, and
/// failover would only stop a primary that may be healthy and leave it stopped.
/// </summary>
internal sealed class FailoverStartingPoint(IDrDatabase database, DrTopology topology, PromotedReplica promoted)
{
    /// <summary>
    /// Null when failover may go on; otherwise why not and what to do. The replica an earlier failover recorded before its
    /// promote call goes on while it shows a promotion (modifying, rebooting), since the record outlives a promote RDS did not take. A DR region or ledger that does not answer is
    /// left to the promote step, which looks again.
    /// </summary>
    public async Task<string?> RefusalAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ReadRefusalAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<string?> ReadRefusalAsync(CancellationToken cancellationToken)
    {
        var (primary, dr) = (topology.Primary, topology.Dr);
        var state = await database.DescribeAsync(dr.Region, dr.InstanceId, cancellationToken);
        if (state is { ReplicaOf: null }) return await promoted.RefusalAsync(state, cancellationToken) is { } stale ? $"{stale}; nothing was changed. {promoted.FinishFailback}" : null;
        if (state is { Status: "available" } && Replicates(state.ReplicaOf, primary)) return null;
        // The replica an earlier failover recorded before its promote call, caught while RDS promotes it: only the states a
        // promotion shows, since the record outlives a promote RDS did not take.
        if (state is { Status: "modifying" or "rebooting" } && await promoted.IsRecordedAsync(state, cancellationToken)) return null;
        return $"{dr.InstanceId} in {dr.Region} is {DbInstanceState.Shown(state)}, not an available read replica of {primary.InstanceId} in {primary.Region}, " +
            $"so failover could not promote it and would leave the primary's services stopped; nothing was changed. {promoted.FinishFailback}; " +
            "if no fail-back was under way, fail over again once it is an available replica";
    }

    /// <summary>RDS names a cross-region replica's source by its ARN (a same-region one by its identifier).</summary>
    private static bool Replicates(string? source, DrRegionSide primary) =>
        source == primary.InstanceId || source?.Split(':') is ["arn", _, "rds", var region, _, "db", var id] && region == primary.Region && id == primary.InstanceId;
}

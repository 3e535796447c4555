using Infra.Runner.Dr;

namespace Infra.Runner.Drill;

/// <summary>
/// The promotion drill's check of RDS itself, before anything changes: the DR instance must be an available read
/// replica of the primary. The ledger saying "not promoted" is not enough: a fail-back that stopped after recording it
/// leaves the old promoted database (stale since that switchover) or a replica still being rebuilt under the DR identifier,
/// and a drill would then promote the wrong copy and its fail-back replicate the primary from it.
/// </summary>
public static class DrillReplicaCheck
{
    /// <summary>Null when the DR instance follows the primary; otherwise the problem, with its fix.</summary>
    public static async Task<string?> ProblemAsync(DrTopology topology, IDrDatabase database, CancellationToken cancellationToken)
    {
        var (primary, dr) = (topology.Primary, topology.Dr);
        DbInstanceState? source;
        DbInstanceState? replica;
        try
        {
            source = await database.DescribeAsync(primary.Region, primary.InstanceId, cancellationToken);
            replica = await database.DescribeAsync(dr.Region, dr.InstanceId, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return $"reading {primary.InstanceId} in {primary.Region} and {dr.InstanceId} in {dr.Region} (RDS DescribeDBInstances) failed: {error.Message}; " +
                "a drill starts only from a DR replica that follows the primary";
        }

        if (source is null) return $"there is no DB instance {primary.InstanceId} in {primary.Region}; a drill writes its markers to the primary";
        // RDS names a cross-region replica's source by its ARN (a same-region one by its identifier).
        if (replica is { Status: "available" } && (replica.ReplicaOf == source.Arn || replica.ReplicaOf == primary.InstanceId)) return null;
        return $"{dr.InstanceId} in {dr.Region} is {DbInstanceState.Shown(replica)}, not an available read replica of {primary.InstanceId} ({source.Arn}); " +
            "a drill promotes only a DR replica that follows the primary. A fail-back that did not finish leaves it so: " +
            $"finish it with `failback --stack {topology.StackName} --yes` (README, Disaster recovery, Fail-back)";
    }
}

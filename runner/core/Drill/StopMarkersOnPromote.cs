using Infra.Runner.Dr;

namespace Infra.Runner.Drill;

/// <summary>
/// The RDS port as a promotion drill hands it to failover: the promote call first stops the marker writer, so the last
/// marker written is the last write the primary took before the replica stopped following it, which is what the RPO
/// compares with the newest marker the promoted replica holds. Everything else passes straight through.
/// </summary>
internal sealed class StopMarkersOnPromote(IDrDatabase rds, Func<Task> stopMarkers) : IDrDatabase
{
    public async Task PromoteAsync(string region, string instanceId, CancellationToken cancellationToken)
    {
        await stopMarkers();
        await rds.PromoteAsync(region, instanceId, cancellationToken);
    }

    public Task<DbInstanceState?> DescribeAsync(string region, string instanceId, CancellationToken cancellationToken) =>
        rds.DescribeAsync(region, instanceId, cancellationToken);

    public Task<DbInstanceState?> DescribeByResourceIdAsync(string region, string resourceId, CancellationToken cancellationToken) =>
        rds.DescribeByResourceIdAsync(region, resourceId, cancellationToken);

    public Task<string> StartBackupsReplicationAsync(BackupsReplicationRequest request, CancellationToken cancellationToken) =>
        rds.StartBackupsReplicationAsync(request, cancellationToken);

    public Task StopBackupsReplicationAsync(string region, string sourceArn, CancellationToken cancellationToken) =>
        rds.StopBackupsReplicationAsync(region, sourceArn, cancellationToken);

    public Task CreateReplicaAsync(ReplicaRequest request, CancellationToken cancellationToken) => rds.CreateReplicaAsync(request, cancellationToken);

    public Task RenameAsync(string region, string instanceId, string newInstanceId, CancellationToken cancellationToken) =>
        rds.RenameAsync(region, instanceId, newInstanceId, cancellationToken);

    public Task SetBackupRetentionAsync(string region, string instanceId, int days, CancellationToken cancellationToken) =>
        rds.SetBackupRetentionAsync(region, instanceId, days, cancellationToken);

    public Task SetParameterGroupAsync(string region, string instanceId, string parameterGroupName, CancellationToken cancellationToken) =>
        rds.SetParameterGroupAsync(region, instanceId, parameterGroupName, cancellationToken);

    public Task RebootAsync(string region, string instanceId, CancellationToken cancellationToken) => rds.RebootAsync(region, instanceId, cancellationToken);
}

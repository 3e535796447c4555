using Amazon;
using Amazon.RDS;
using Amazon.RDS.Model;
using Amazon.Runtime;
using Infra.Runner.Dr;

namespace Infra.Runner.Adapters.Dr;

/// <summary>
/// The DB instance operations of failover and fail-back over RDS, one client per region
/// (<paramref name="clientForRegion"/>); every call is bounded by <paramref name="callLimit"/> (the request is cancelled
/// when it passes), so a region whose API does not answer fails the call quickly instead of holding a failover.
/// </summary>
public sealed class RdsDrDatabase(Func<string, AmazonRDSClient> clientForRegion, SdkCallLimit callLimit) : IDrDatabase
{
    public static AmazonRDSClient ClientFor(string region) => new(RegionEndpoint.GetBySystemName(region));

    public async Task<DbInstanceState?> DescribeAsync(string region, string instanceId, CancellationToken cancellationToken) =>
        State(await DescribeInstanceAsync(clientForRegion(region), instanceId, callLimit, cancellationToken));

    public async Task<DbInstanceState?> DescribeByResourceIdAsync(string region, string resourceId, CancellationToken cancellationToken)
    {
        var response = await callLimit.RunAsync(t => clientForRegion(region).DescribeDBInstancesAsync(
            new DescribeDBInstancesRequest { Filters = [new Filter { Name = "dbi-resource-id", Values = [resourceId] }] }, t), cancellationToken);
        return State(response.DBInstances?.FirstOrDefault());
    }

    /// <summary>SourceRegion, as for a replica, lets the real client presign the request where RDS asks for one (GovCloud).</summary>
    public async Task<string> StartBackupsReplicationAsync(BackupsReplicationRequest request, CancellationToken cancellationToken)
    {
        var response = await callLimit.RunAsync(t => clientForRegion(request.Region).StartDBInstanceAutomatedBackupsReplicationAsync(new StartDBInstanceAutomatedBackupsReplicationRequest
        {
            SourceDBInstanceArn = request.SourceArn,
            SourceRegion = request.SourceRegion,
            KmsKeyId = request.KmsKeyId,
            BackupRetentionPeriod = request.RetentionDays,
        }, t), cancellationToken);
        return response.DBInstanceAutomatedBackup?.DBInstanceAutomatedBackupsArn is { Length: > 0 } arn
            ? arn
            : throw new DrStepException($"RDS started replicating {request.SourceArn}'s automated backups to {request.Region} but named no replicated backups ARN");
    }

    public Task StopBackupsReplicationAsync(string region, string sourceArn, CancellationToken cancellationToken) =>
        callLimit.RunAsync(t => clientForRegion(region).StopDBInstanceAutomatedBackupsReplicationAsync(
            new StopDBInstanceAutomatedBackupsReplicationRequest { SourceDBInstanceArn = sourceArn }, t), cancellationToken);

    private static DbInstanceState? State(DBInstance? instance) => instance is null ? null : new DbInstanceState(
        instance.DBInstanceStatus ?? "unknown",
        instance.DBInstanceArn ?? "",
        string.IsNullOrEmpty(instance.ReadReplicaSourceDBInstanceIdentifier) ? null : instance.ReadReplicaSourceDBInstanceIdentifier,
        instance.Endpoint?.Address,
        instance is { KmsKeyId: { } key, DBSubnetGroup.DBSubnetGroupName: { } subnets }
            ? new DbPlacement(key, subnets, [.. (instance.VpcSecurityGroups ?? []).Select(g => g.VpcSecurityGroupId).OfType<string>()],
                instance.DBParameterGroups?.FirstOrDefault()?.DBParameterGroupName)
            : null,
        string.IsNullOrEmpty(instance.DbiResourceId) ? null : instance.DbiResourceId,
        instance.DBParameterGroups?.FirstOrDefault()?.ParameterApplyStatus,
        (instance.DBInstanceAutomatedBackupsReplications ?? []).Select(r => r.DBInstanceAutomatedBackupsArn).OfType<string>().ToList() is { Count: > 0 } replicated ? replicated : null);

    /// <summary>
    /// Only answers RDS gives before it acts, and never to a retry of a call it took, are refusals (nothing promoted):
    /// <see cref="RefusalCodes"/>. The SDK retries a call whose answer was lost, and RDS may answer the retry
    /// InvalidDBInstanceState, Throttling or a clock-skew error, so every other answer, a timeout, a dropped connection
    /// or a 5xx leaves the outcome unknown.
    /// </summary>
    public static readonly IReadOnlySet<string> RefusalCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "AccessDenied", "AccessDeniedException", "DBInstanceNotFound", "InvalidParameterValue", "InvalidParameterCombination",
    };

    public async Task PromoteAsync(string region, string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            await callLimit.RunAsync(
                t => clientForRegion(region).PromoteReadReplicaAsync(new PromoteReadReplicaRequest { DBInstanceIdentifier = instanceId }, t), cancellationToken);
        }
        catch (AmazonServiceException busy) when (busy.ErrorCode == "InvalidDBInstanceState")
        {
            throw PromotionMaybeTakenException.InvalidState(instanceId, busy.Message, busy);
        }
        catch (AmazonServiceException refused) when (RefusalCodes.Contains(refused.ErrorCode))
        {
            throw new PromotionRefusedException($"RDS refused to promote {instanceId} ({refused.ErrorCode}: {refused.Message})", refused);
        }
    }

    /// <summary>
    /// SourceRegion makes the real client presign the request RDS sends to the source's region (an encrypted cross-region
    /// replica needs it). No DBParameterGroupName: RDS refuses one for a cross-region PostgreSQL replica
    /// (InvalidParameterCombination), so the replica starts on RDS's default and <see cref="SetParameterGroupAsync"/> follows.
    /// </summary>
    public Task CreateReplicaAsync(ReplicaRequest request, CancellationToken cancellationToken) =>
        callLimit.RunAsync(t => clientForRegion(request.Region).CreateDBInstanceReadReplicaAsync(new CreateDBInstanceReadReplicaRequest
        {
            DBInstanceIdentifier = request.InstanceId,
            SourceDBInstanceIdentifier = request.SourceArn,
            SourceRegion = request.SourceRegion,
            KmsKeyId = request.Placement.KmsKeyId,
            DBSubnetGroupName = request.Placement.SubnetGroupName,
            VpcSecurityGroupIds = [.. request.Placement.SecurityGroupIds],
            DBInstanceClass = request.Settings?.InstanceClass,
            MultiAZ = request.Settings?.MultiAz,
            DeletionProtection = request.Settings?.DeletionProtection,
            CopyTagsToSnapshot = request.Settings is null ? null : true,
        }, t), cancellationToken);

    public Task RenameAsync(string region, string instanceId, string newInstanceId, CancellationToken cancellationToken) =>
        ModifyAtOnceAsync(region, new ModifyDBInstanceRequest { DBInstanceIdentifier = instanceId, NewDBInstanceIdentifier = newInstanceId }, cancellationToken);

    public Task SetBackupRetentionAsync(string region, string instanceId, int days, CancellationToken cancellationToken) =>
        ModifyAtOnceAsync(region, new ModifyDBInstanceRequest { DBInstanceIdentifier = instanceId, BackupRetentionPeriod = days }, cancellationToken);

    public Task SetParameterGroupAsync(string region, string instanceId, string parameterGroupName, CancellationToken cancellationToken) =>
        ModifyAtOnceAsync(region, new ModifyDBInstanceRequest { DBInstanceIdentifier = instanceId, DBParameterGroupName = parameterGroupName }, cancellationToken);

    public Task RebootAsync(string region, string instanceId, CancellationToken cancellationToken) =>
        callLimit.RunAsync(
            t => clientForRegion(region).RebootDBInstanceAsync(new RebootDBInstanceRequest { DBInstanceIdentifier = instanceId }, t), cancellationToken);

    /// <summary>ModifyDBInstance with ApplyImmediately: otherwise RDS waits for the maintenance window.</summary>
    private Task ModifyAtOnceAsync(string region, ModifyDBInstanceRequest request, CancellationToken cancellationToken)
    {
        request.ApplyImmediately = true;
        return callLimit.RunAsync(t => clientForRegion(region).ModifyDBInstanceAsync(request, t), cancellationToken);
    }

    /// <summary>The instance, or null when RDS answers DBInstanceNotFound.</summary>
    internal static async Task<DBInstance?> DescribeInstanceAsync(AmazonRDSClient client, string instanceId, SdkCallLimit callLimit, CancellationToken cancellationToken)
    {
        try
        {
            var response = await callLimit.RunAsync(
                t => client.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { DBInstanceIdentifier = instanceId }, t), cancellationToken);
            return response.DBInstances?.FirstOrDefault();
        }
        catch (DBInstanceNotFoundException)
        {
            return null;
        }
    }
}

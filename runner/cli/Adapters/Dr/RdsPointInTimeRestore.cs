using Amazon.RDS;
using Amazon.RDS.Model;
using Infra.Runner.Drill;

namespace Infra.Runner.Adapters.Dr;

/// <summary>
/// Contract D over RDS in one region: a restore drill's instance is restored from the source with the source's subnet
/// group and security groups (read from RDS first; RestoreDBInstanceToPointInTime would otherwise use the defaults) and
/// its KMS key (a restore keeps the source's key), then deleted without a final snapshot.
/// </summary>
public sealed class RdsPointInTimeRestore(AmazonRDSClient client, SdkCallLimit callLimit) : IPointInTimeRestore
{
    /// <summary>How long one RDS call of a restore drill may take before it counts as not answering.</summary>
    private static readonly TimeSpan DrillCallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The adapter a restore drill uses in <paramref name="region"/>, the primary database's region.</summary>
    public static IPointInTimeRestore ForRegion(string region) => new RdsPointInTimeRestore(RdsDrDatabase.ClientFor(region), SdkCallLimit.Of(DrillCallTimeout));

    public async Task StartRestoreAsync(RestoreRequest request, CancellationToken cancellationToken)
    {
        var source = await RdsDrDatabase.DescribeInstanceAsync(client, request.SourceInstanceId, callLimit, cancellationToken)
            ?? throw new InvalidOperationException($"there is no DB instance {request.SourceInstanceId} to restore from");
        await callLimit.RunAsync(t => client.RestoreDBInstanceToPointInTimeAsync(new RestoreDBInstanceToPointInTimeRequest
        {
            SourceDBInstanceIdentifier = request.SourceInstanceId,
            TargetDBInstanceIdentifier = request.TargetInstanceId,
            RestoreTime = request.RestoreTime.UtcDateTime,
            // Null (not set): RDS restores into the source's class.
            DBInstanceClass = request.InstanceClass,
            DBSubnetGroupName = source.DBSubnetGroup?.DBSubnetGroupName,
            VpcSecurityGroupIds = source.VpcSecurityGroups?.Select(g => g.VpcSecurityGroupId).OfType<string>().ToList(),
        }, t), cancellationToken);
    }

    public async Task<(string Status, string? Address)?> DescribeAsync(string instanceId, CancellationToken cancellationToken) =>
        await RdsDrDatabase.DescribeInstanceAsync(client, instanceId, callLimit, cancellationToken) is { } instance
            ? (instance.DBInstanceStatus ?? "unknown", instance.Endpoint?.Address)
            : null;

    public async Task DeleteAsync(string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            await callLimit.RunAsync(
                t => client.DeleteDBInstanceAsync(new DeleteDBInstanceRequest { DBInstanceIdentifier = instanceId, SkipFinalSnapshot = true }, t), cancellationToken);
        }
        catch (DBInstanceNotFoundException)
        {
            // Already gone: what the caller wanted.
        }
    }
}

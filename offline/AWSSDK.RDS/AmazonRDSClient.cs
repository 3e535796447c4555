using Amazon.Offline;
using Amazon.RDS.Internal;
using Amazon.RDS.Model;

namespace Amazon.RDS;

/// <summary>
/// Offline RDS client. It speaks AWS Query as the real v4 client does (rds-2014-10-31: a form-encoded POST / with
/// <c>Action</c> and <c>Version=2014-10-31</c>, answered in XML) to the endpoint override the real SDK honours
/// (AWS_ENDPOINT_URL_RDS, then AWS_ENDPOINT_URL), on loopback only: it cannot sign requests, so it also cannot
/// presign the <c>PreSignedUrl</c> the real client derives from <c>SourceRegion</c> (see <see cref="QueryWire"/>).
/// </summary>
public class AmazonRDSClient
{
    private static readonly LoopbackEndpoint Override = new("AWSSDK.RDS", "RDS", "AWS_ENDPOINT_URL_RDS");

    private readonly string _region;

    /// <summary>A client for <paramref name="region"/>.</summary>
    public AmazonRDSClient(RegionEndpoint region)
    {
        _region = region.SystemName;
    }

    public virtual async Task<DescribeDBInstancesResponse> DescribeDBInstancesAsync(DescribeDBInstancesRequest request, CancellationToken cancellationToken = default)
    {
        var result = await CallAsync("DescribeDBInstances", "describe a DB instance", cancellationToken,
            [("DBInstanceIdentifier", request.DBInstanceIdentifier), .. QueryWire.Filters(request.Filters)]);
        return new DescribeDBInstancesResponse { DBInstances = QueryWire.Instances(result) };
    }

    public virtual async Task<PromoteReadReplicaResponse> PromoteReadReplicaAsync(PromoteReadReplicaRequest request, CancellationToken cancellationToken = default)
    {
        await CallAsync("PromoteReadReplica", "promote a read replica", cancellationToken, ("DBInstanceIdentifier", request.DBInstanceIdentifier));
        return new PromoteReadReplicaResponse();
    }

    public virtual async Task<CreateDBInstanceReadReplicaResponse> CreateDBInstanceReadReplicaAsync(
        CreateDBInstanceReadReplicaRequest request, CancellationToken cancellationToken = default)
    {
        await CallAsync("CreateDBInstanceReadReplica", "create a read replica", cancellationToken,
            [("DBInstanceIdentifier", request.DBInstanceIdentifier), ("SourceDBInstanceIdentifier", request.SourceDBInstanceIdentifier),
             ("KmsKeyId", request.KmsKeyId), ("DBSubnetGroupName", request.DBSubnetGroupName),
             .. QueryWire.List("VpcSecurityGroupIds", "VpcSecurityGroupId", request.VpcSecurityGroupIds),
             ("DBInstanceClass", request.DBInstanceClass), ("DBParameterGroupName", request.DBParameterGroupName),
             ("MultiAZ", QueryWire.Bool(request.MultiAZ)), ("DeletionProtection", QueryWire.Bool(request.DeletionProtection)),
             ("CopyTagsToSnapshot", QueryWire.Bool(request.CopyTagsToSnapshot))]);
        return new CreateDBInstanceReadReplicaResponse();
    }

    public virtual async Task<ModifyDBInstanceResponse> ModifyDBInstanceAsync(ModifyDBInstanceRequest request, CancellationToken cancellationToken = default)
    {
        await CallAsync("ModifyDBInstance", "modify a DB instance", cancellationToken,
            ("DBInstanceIdentifier", request.DBInstanceIdentifier), ("NewDBInstanceIdentifier", request.NewDBInstanceIdentifier),
            ("ApplyImmediately", QueryWire.Bool(request.ApplyImmediately)),
            ("BackupRetentionPeriod", request.BackupRetentionPeriod?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("DBParameterGroupName", request.DBParameterGroupName));
        return new ModifyDBInstanceResponse();
    }

    public virtual async Task<RebootDBInstanceResponse> RebootDBInstanceAsync(RebootDBInstanceRequest request, CancellationToken cancellationToken = default)
    {
        await CallAsync("RebootDBInstance", "reboot a DB instance", cancellationToken, ("DBInstanceIdentifier", request.DBInstanceIdentifier));
        return new RebootDBInstanceResponse();
    }

    public virtual async Task<StartDBInstanceAutomatedBackupsReplicationResponse> StartDBInstanceAutomatedBackupsReplicationAsync(
        StartDBInstanceAutomatedBackupsReplicationRequest request, CancellationToken cancellationToken = default)
    {
        var result = await CallAsync("StartDBInstanceAutomatedBackupsReplication", "start replicating automated backups", cancellationToken,
            ("SourceDBInstanceArn", request.SourceDBInstanceArn), ("KmsKeyId", request.KmsKeyId),
            ("BackupRetentionPeriod", request.BackupRetentionPeriod?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new StartDBInstanceAutomatedBackupsReplicationResponse
        {
            DBInstanceAutomatedBackup = AwsXml.Element(result, "DBInstanceAutomatedBackup") is { } backup
                ? new DBInstanceAutomatedBackup { DBInstanceAutomatedBackupsArn = AwsXml.Child(backup, "DBInstanceAutomatedBackupsArn") }
                : null,
        };
    }

    public virtual async Task<StopDBInstanceAutomatedBackupsReplicationResponse> StopDBInstanceAutomatedBackupsReplicationAsync(
        StopDBInstanceAutomatedBackupsReplicationRequest request, CancellationToken cancellationToken = default)
    {
        await CallAsync("StopDBInstanceAutomatedBackupsReplication", "stop replicating automated backups", cancellationToken,
            ("SourceDBInstanceArn", request.SourceDBInstanceArn));
        return new StopDBInstanceAutomatedBackupsReplicationResponse();
    }

    public virtual async Task<RestoreDBInstanceToPointInTimeResponse> RestoreDBInstanceToPointInTimeAsync(
        RestoreDBInstanceToPointInTimeRequest request, CancellationToken cancellationToken = default)
    {
        await CallAsync("RestoreDBInstanceToPointInTime", "restore a DB instance", cancellationToken,
            [("SourceDBInstanceIdentifier", request.SourceDBInstanceIdentifier), ("TargetDBInstanceIdentifier", request.TargetDBInstanceIdentifier),
             ("RestoreTime", QueryWire.Time(request.RestoreTime)), ("DBSubnetGroupName", request.DBSubnetGroupName), ("DBInstanceClass", request.DBInstanceClass),
             .. QueryWire.List("VpcSecurityGroupIds", "VpcSecurityGroupId", request.VpcSecurityGroupIds)]);
        return new RestoreDBInstanceToPointInTimeResponse();
    }

    public virtual async Task<DeleteDBInstanceResponse> DeleteDBInstanceAsync(DeleteDBInstanceRequest request, CancellationToken cancellationToken = default)
    {
        await CallAsync("DeleteDBInstance", "delete a DB instance", cancellationToken,
            ("DBInstanceIdentifier", request.DBInstanceIdentifier), ("SkipFinalSnapshot", QueryWire.Bool(request.SkipFinalSnapshot)));
        return new DeleteDBInstanceResponse();
    }

    public virtual async Task<CreateDBSnapshotResponse> CreateDBSnapshotAsync(CreateDBSnapshotRequest request, CancellationToken cancellationToken = default)
    {
        var result = await CallAsync("CreateDBSnapshot", "create a DB snapshot", cancellationToken,
            [("DBInstanceIdentifier", request.DBInstanceIdentifier), ("DBSnapshotIdentifier", request.DBSnapshotIdentifier),
             .. QueryWire.Tags(request.Tags)]);
        return new CreateDBSnapshotResponse { DBSnapshot = QueryWire.Snapshot(AwsXml.Element(result, "DBSnapshot")) };
    }

    public virtual async Task<DescribeDBSnapshotsResponse> DescribeDBSnapshotsAsync(DescribeDBSnapshotsRequest request, CancellationToken cancellationToken = default)
    {
        var result = await CallAsync("DescribeDBSnapshots", "describe DB snapshots", cancellationToken,
            ("DBInstanceIdentifier", request.DBInstanceIdentifier), ("DBSnapshotIdentifier", request.DBSnapshotIdentifier),
            ("SnapshotType", request.SnapshotType), ("Marker", request.Marker));
        return new DescribeDBSnapshotsResponse
        {
            DBSnapshots = (AwsXml.Element(result, "DBSnapshots")?.Elements() ?? []).Select(QueryWire.Snapshot).OfType<DBSnapshot>().ToList(),
            Marker = AwsXml.Child(result, "Marker"),
        };
    }

    public virtual async Task<DeleteDBSnapshotResponse> DeleteDBSnapshotAsync(DeleteDBSnapshotRequest request, CancellationToken cancellationToken = default)
    {
        var result = await CallAsync("DeleteDBSnapshot", "delete a DB snapshot", cancellationToken, ("DBSnapshotIdentifier", request.DBSnapshotIdentifier));
        return new DeleteDBSnapshotResponse { DBSnapshot = QueryWire.Snapshot(AwsXml.Element(result, "DBSnapshot")) };
    }

    private Task<System.Xml.Linq.XElement> CallAsync(string action, string purpose, CancellationToken cancellationToken, params (string Name, string? Value)[] parameters) =>
        QueryWire.CallAsync(Override.Require(_region, purpose), action, parameters, cancellationToken);
}

namespace Infra.Runner.Dr;

/// <summary>An RDS instance as failover and fail-back read it.</summary>
/// <param name="Status">RDS's DBInstanceStatus, e.g. <c>available</c>, <c>modifying</c>, <c>creating</c>.</param>
/// <param name="ReplicaOf">The source it replicates; null for a standalone instance.</param>
/// <param name="Placement">Its KMS key, subnet group and security groups: where a new instance in its region goes.</param>
/// <param name="ResourceId">RDS's DbiResourceId (<c>db-…</c>): fixed for the instance's life, kept through a rename; what Pulumi's state holds as its id.</param>
/// <param name="ParameterApplyStatus">
/// RDS's ParameterApplyStatus of its parameter group (in <see cref="DbPlacement.ParameterGroupName"/>): <c>in-sync</c>,
/// <c>applying</c>, or <c>pending-reboot</c> after the group was changed until the instance reboots.
/// </param>
/// <param name="ReplicatedBackups">
/// The ARNs of its automated backups replicated to other regions (DBInstanceAutomatedBackupsReplications), each naming
/// its region (<c>arn:aws:rds:REGION:…:auto-backup:ab-…</c>); null when none are.
/// </param>
public sealed record DbInstanceState(
    string Status, string Arn, string? ReplicaOf, string? Address, DbPlacement? Placement = null, string? ResourceId = null, string? ParameterApplyStatus = null,
    IReadOnlyList<string>? ReplicatedBackups = null)
{
    public bool IsAvailableStandalone => Status == "available" && ReplicaOf is null;

    /// <summary>The ARN of its automated backups replicated to <paramref name="region"/>, or null when they are not.</summary>
    public string? BackupsReplicatedTo(string region) =>
        ReplicatedBackups?.FirstOrDefault(arn => arn.Split(':') is [_, _, _, var inRegion, ..] && inRegion == region);

    /// <summary>
    /// How RDS names its default parameter groups, e.g. <c>default.postgres16</c>. The program declares its own group in
    /// each region, so a serving instance on one of these is a replica whose group was not set yet.
    /// </summary>
    public const string DefaultParameterGroupPrefix = "default.";

    /// <summary>How logs, step details and reports word an instance's state (null: there is none).</summary>
    public static string Shown(DbInstanceState? state) => state is null
        ? "missing"
        : $"{state.Status}, {(state.ReplicaOf is null ? "standalone (accepts writes)" : $"read replica of {state.ReplicaOf}")}";
}

/// <summary>
/// Where an instance lives in its region: the KMS key it is encrypted with, its subnet group and security groups, and
/// its parameter group (the program's, whose name Pulumi generates, so it is read from RDS).
/// </summary>
public sealed record DbPlacement(string KmsKeyId, string SubnetGroupName, IReadOnlyList<string> SecurityGroupIds, string? ParameterGroupName = null);

/// <summary>
/// What the program declares for every serving instance (components/Data/ServingInstanceArgs.cs), so a replica the
/// runner creates matches it: the stack's <c>database.instanceClass</c>, <c>multiAz</c> and <c>backupRetentionDays</c>,
/// and deletion protection in production (tags are always copied to snapshots).
/// </summary>
public sealed record ReplicaSettings(string InstanceClass, bool MultiAz, int BackupRetentionDays, bool DeletionProtection);

/// <summary>Where and from what a new cross-region read replica is created; without <paramref name="Settings"/>, RDS's defaults.</summary>
public sealed record ReplicaRequest(string Region, string InstanceId, string SourceArn, string SourceRegion, DbPlacement Placement, ReplicaSettings? Settings = null);

/// <summary>
/// Starts copying <paramref name="SourceArn"/>'s automated backups into <paramref name="Region"/>, encrypted there with
/// <paramref name="KmsKeyId"/> and kept <paramref name="RetentionDays"/> days (null: RDS's default, 7).
/// </summary>
public sealed record BackupsReplicationRequest(string Region, string SourceArn, string SourceRegion, string? KmsKeyId, int? RetentionDays);

/// <summary>The RDS API, one region per call (the adapter makes a client per region).</summary>
public interface IDrDatabase
{
    /// <summary>Null when the region has no such instance.</summary>
    Task<DbInstanceState?> DescribeAsync(string region, string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// The instance whose DbiResourceId is <paramref name="resourceId"/>, whatever its identifier is now (DescribeDBInstances
    /// with the <c>dbi-resource-id</c> filter); null when the region has none.
    /// </summary>
    Task<DbInstanceState?> DescribeByResourceIdAsync(string region, string resourceId, CancellationToken cancellationToken);

    /// <summary>
    /// StartDBInstanceAutomatedBackupsReplication, sent to the region the backups go to; returns the ARN of the replicated
    /// backups there (<c>arn:aws:rds:REGION:…:auto-backup:ab-…</c>), which Pulumi's state holds as the id of an
    /// <c>aws:rds/instanceAutomatedBackupsReplication</c>. RDS refuses a source that already replicates to that region.
    /// </summary>
    Task<string> StartBackupsReplicationAsync(BackupsReplicationRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// StopDBInstanceAutomatedBackupsReplication, sent to <paramref name="region"/>, where the backups go. RDS keeps what was
    /// copied (status retained) until its retention ends, so a point-in-time restore from it stays possible until then.
    /// </summary>
    Task StopBackupsReplicationAsync(string region, string sourceArn, CancellationToken cancellationToken);

    Task PromoteAsync(string region, string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the replica on RDS's default parameter group, whatever <see cref="ReplicaRequest.Placement"/> names: RDS
    /// refuses a parameter group on CreateDBInstanceReadReplica for a cross-region PostgreSQL replica
    /// (InvalidParameterCombination); <see cref="SetParameterGroupAsync"/> sets it once the replica is available.
    /// </summary>
    Task CreateReplicaAsync(ReplicaRequest request, CancellationToken cancellationToken);

    /// <summary>Renames an instance at once (ModifyDBInstance, ApplyImmediately), freeing its identifier and endpoint name.</summary>
    Task RenameAsync(string region, string instanceId, string newInstanceId, CancellationToken cancellationToken);

    /// <summary>Sets the automated backups' retention at once (ModifyDBInstance, ApplyImmediately): CreateDBInstanceReadReplica has no such member.</summary>
    Task SetBackupRetentionAsync(string region, string instanceId, int days, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the parameter group at once (ModifyDBInstance DBParameterGroupName, ApplyImmediately). RDS changes the name
    /// at once and applies the group's static parameters only at the next reboot (ParameterApplyStatus <c>pending-reboot</c>).
    /// </summary>
    Task SetParameterGroupAsync(string region, string instanceId, string parameterGroupName, CancellationToken cancellationToken);

    /// <summary>Reboots the instance (RebootDBInstance, no failover), which applies a parameter group that is <c>pending-reboot</c>.</summary>
    Task RebootAsync(string region, string instanceId, CancellationToken cancellationToken);
}

using Infra.Components.Conventions;
using Infra.Stacks.Conventions;
using Pulumi;
using Pulumi.Aws.Rds;

namespace Infra.Components.Data;

/// <summary>
/// The primary's read replica in the DR region, with its own key, subnet group and parameter group there, and in
/// production the primary's automated backups copied to the same region. Declare it with the DR region's provider
/// in <paramref name="options"/>; every child inherits it. With <c>infra:dr.promote</c> the replica is declared
/// without its source and that input's change is ignored (see the constructor): the runner promotes it, not Pulumi.
/// </summary>
public sealed class CrossRegionReplica : ComponentResource
{
    public const string Type = "infra:data:CrossRegionReplica";

    public Output<string> Endpoint { get; }
    public Output<string> Address { get; }
    public Output<string> Arn { get; }
    public Output<string> Identifier { get; }

    /// <summary>The DR region's key: it encrypts the replica and the replicated backups.</summary>
    public Output<string> KmsKeyArn { get; }

    public CrossRegionReplica(string name, CrossRegionReplicaArgs args, ComponentResourceOptions? options = null)
        : base(Type, name, options)
    {
        var settings = args.Settings;
        var production = settings.IsProduction;
        if (production && args.FinalSnapshotSuffix is null)
            throw new ArgumentException(
                "CrossRegionReplicaArgs.FinalSnapshotSuffix is required in production; pass the hex of a RandomId so a promoted replica's final snapshot is unique");

        var identifier = StackConventions.Naming(settings).Resource("db", "replica");
        var regional = RegionalDatabaseResources.Declare(name, identifier, settings, args.SubnetIds, this);

        // No engine, storage size or credentials: a replica takes them from its source, and keeps them when promoted.
        var instanceArgs = ServingInstanceArgs.Create(identifier, settings, regional, args.SecurityGroupId, args.MonitoringRoleArn);
        if (!settings.Dr.Promote) instanceArgs.ReplicateSourceDb = args.SourceDbArn;
        // AWS takes no final snapshot of a read replica; once promoted, production keeps one like the primary.
        var keepsFinalSnapshot = production && settings.Dr.Promote;
        ServingInstanceArgs.SetFinalSnapshot(instanceArgs, identifier, keepsFinalSnapshot ? args.FinalSnapshotSuffix : null);
        // Production data outlives the stack: protected against `pulumi destroy`, and left in AWS if dropped from the program.
        var replicaOptions = new CustomResourceOptions { Parent = this, Protect = production, RetainOnDelete = production };
        // Failover promotes through the RDS API and Pulumi's state, never refreshed in an outage, still holds the source.
        // The provider's update turns a source dropped to "" into PromoteReadReplica, which RDS refuses for an instance
        // that is no longer a replica, and any other change into an error; declaring the source anyway would fail the
        // same way once a refresh had read it as "". Ignoring the input leaves the promoted instance alone either way.
        if (settings.Dr.Promote) replicaOptions.IgnoreChanges.Add("replicateSourceDb");
        var replica = new Instance($"{name}-replica", instanceArgs, replicaOptions);

        if (production)
        {
            // A second recovery path that survives the loss of the replica: point-in-time restore in the DR region.
            _ = new InstanceAutomatedBackupsReplication($"{name}-backups-replication", new InstanceAutomatedBackupsReplicationArgs
            {
                SourceDbInstanceArn = args.SourceDbArn,
                KmsKeyId = regional.Key.Arn,
                RetentionPeriod = settings.Database.BackupRetentionDays,
            }, new CustomResourceOptions { Parent = this, RetainOnDelete = true });
        }

        Endpoint = replica.Endpoint;
        Address = replica.Address;
        Arn = replica.Arn;
        Identifier = replica.Identifier;
        KmsKeyArn = regional.Key.Arn;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["endpoint"] = Endpoint,
            ["address"] = Address,
            ["arn"] = Arn,
            ["identifier"] = Identifier,
            ["kmsKeyArn"] = KmsKeyArn,
        });
    }
}

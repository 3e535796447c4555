using Infra.Tests.Support;
using static Infra.Tests.Components.Data.DataStacks;

namespace Infra.Tests.Components.Data;

public sealed class CrossRegionReplicaTests
{
    private const string BackupsReplication = "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication";
    private static readonly string PrimaryArn = ComponentPlan.Token(Instance, "db-primary", "arn");
    private static readonly string DrKeyArn = ComponentPlan.Token(Key, "db-dr-key", "arn");

    [Fact]
    public async Task Replica_replicates_the_primary_by_arn_encrypted_with_a_key_of_the_dr_region()
    {
        var plan = await PlanAsync(Production());

        var replica = plan.Resource(Instance, "db-dr-replica");
        Assert.Equal(PrimaryArn, (string)replica["inputs"]!["replicateSourceDb"]!);
        Assert.True((bool)replica["inputs"]!["storageEncrypted"]!);
        Assert.Equal(DrKeyArn, (string)replica["inputs"]!["kmsKeyId"]!);
        Assert.Equal(DrKeyArn, (string)replica["inputs"]!["performanceInsightsKmsKeyId"]!);
        Assert.Equal(DrProviderUrn("production"), (string)replica["provider"]!);
        Assert.Equal(DrProviderUrn("production"), (string)plan.Resource(Key, "db-dr-key")["provider"]!);
        Assert.True((bool)plan.Inputs(Key, "db-dr-key")["enableKeyRotation"]!);
    }

    [Fact]
    public async Task Every_dr_side_resource_is_declared_through_the_dr_provider_and_no_primary_side_one_is()
    {
        var plan = await PlanAsync(Production());

        var custom = plan.Resources.Where(r => (bool)r["custom"]! && (string)r["type"]! != "pulumi:providers:aws").ToList();
        var drSide = custom.Where(r => ((string)r["name"]!).StartsWith("db-dr-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["db-dr-backups-replication", "db-dr-key", "db-dr-params", "db-dr-replica", "db-dr-subnets"],
            drSide.Select(r => (string)r["name"]!).Order(StringComparer.Ordinal));
        Assert.All(drSide, r => Assert.Equal(DrProviderUrn("production"), (string)r["provider"]!));
        Assert.All(custom.Except(drSide), r => Assert.Null(r["provider"]));
    }

    [Fact]
    public async Task Replica_has_no_credentials_engine_or_database_name_of_its_own()
    {
        var plan = await PlanAsync(Production());

        var replica = plan.Inputs(Instance, "db-dr-replica");
        foreach (var key in new[] { "username", "password", "dbName", "engine", "engineVersion", "allocatedStorage" })
            Assert.False(replica.ContainsKey(key), $"replica sets {key}");
    }

    [Fact]
    public async Task Replica_sits_in_the_dr_network_with_its_own_subnet_and_parameter_groups()
    {
        var plan = await PlanAsync(Production());

        Assert.Equal(DrSubnets, plan.Inputs("aws:rds/subnetGroup:SubnetGroup", "db-dr-subnets")["subnetIds"]!.AsArray().Select(s => (string)s!));
        var parameters = plan.Inputs("aws:rds/parameterGroup:ParameterGroup", "db-dr-params");
        Assert.Equal("postgres16", (string)parameters["family"]!);
        Assert.Equal("rds.force_ssl", (string)parameters["parameters"]![0]!["name"]!);
        var replica = plan.Inputs(Instance, "db-dr-replica");
        Assert.Equal(ComponentPlan.Token("aws:rds/subnetGroup:SubnetGroup", "db-dr-subnets", "name"), (string)replica["dbSubnetGroupName"]!);
        Assert.Equal(ComponentPlan.Token("aws:rds/parameterGroup:ParameterGroup", "db-dr-params", "name"), (string)replica["parameterGroupName"]!);
        Assert.Equal([DrSecurityGroup], replica["vpcSecurityGroupIds"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(ComponentPlan.Token("aws:iam/role:Role", "db-monitoring-role", "arn"), (string)replica["monitoringRoleArn"]!);
    }

    [Fact]
    public async Task Production_replica_is_protected_keeps_its_own_retention_and_takes_no_final_snapshot_while_a_replica()
    {
        var plan = await PlanAsync(Production());

        var replica = plan.Resource(Instance, "db-dr-replica");
        var inputs = replica["inputs"]!.AsObject();
        Assert.True((bool)replica["protect"]!);
        Assert.True((bool)replica["retainOnDelete"]!);
        Assert.True((bool)inputs["deletionProtection"]!);
        Assert.Equal(14, (long)inputs["backupRetentionPeriod"]!);
        Assert.Equal("infra-production-db-replica", (string)inputs["identifier"]!);
        Assert.True((bool)inputs["skipFinalSnapshot"]!);
        Assert.False(inputs.ContainsKey("finalSnapshotIdentifier"));
        Assert.True((bool)plan.Resource(Key, "db-dr-key")["protect"]!);
    }

    [Fact]
    public async Task Production_replicates_automated_backups_to_the_dr_region_under_the_dr_key()
    {
        var plan = await PlanAsync(Production());

        var replication = plan.Resource(BackupsReplication, "db-dr-backups-replication");
        Assert.Equal(PrimaryArn, (string)replication["inputs"]!["sourceDbInstanceArn"]!);
        Assert.Equal(DrKeyArn, (string)replication["inputs"]!["kmsKeyId"]!);
        Assert.Equal(14, (long)replication["inputs"]!["retentionPeriod"]!);
        Assert.Equal(DrProviderUrn("production"), (string)replication["provider"]!);
    }

    [Fact]
    public async Task Staging_replica_is_unprotected_and_backups_are_not_replicated()
    {
        var plan = await PlanAsync(Staging(dr: ["replica: true"]));

        var replica = plan.Resource(Instance, "db-dr-replica");
        Assert.False((bool)replica["protect"]!);
        Assert.False((bool)replica["inputs"]!["deletionProtection"]!);
        Assert.Equal(7, (long)replica["inputs"]!["backupRetentionPeriod"]!);
        Assert.Empty(plan.OfType(BackupsReplication));
    }

    [Fact]
    public async Task Without_a_replica_nothing_is_declared_in_the_dr_region()
    {
        var plan = await PlanAsync(Staging());

        Assert.Equal(["db-primary"], plan.OfType(Instance).Select(r => (string)r["name"]!));
        Assert.Empty(plan.OfType("infra:data:CrossRegionReplica"));
        Assert.DoesNotContain(plan.Resources, r => (string?)r["provider"] == DrProviderUrn("staging"));
    }

    [Fact]
    public async Task Promotion_drops_the_source_from_the_same_replica_resource_and_keeps_point_in_time_recovery()
    {
        var replicating = await PlanAsync(Production());
        var promoted = await PlanAsync(Production(dr: ["promote: true"]));

        Assert.Equal(replicating.Urn(Instance, "db-dr-replica"), promoted.Urn(Instance, "db-dr-replica"));
        var inputs = promoted.Inputs(Instance, "db-dr-replica");
        Assert.False(inputs.ContainsKey("replicateSourceDb"));
        Assert.Equal(14, (long)inputs["backupRetentionPeriod"]!);
        Assert.Equal(DrKeyArn, (string)inputs["kmsKeyId"]!);
    }

    /// <summary>
    /// Pulumi's state still holds the source after a failover (nothing refreshes it in an outage): the provider would
    /// turn the dropped source into PromoteReadReplica, which RDS refuses for a standalone instance. The change is
    /// ignored while promoted, and only then, so a replica's source stays as declared.
    /// </summary>
    [Fact]
    public async Task While_promoted_the_replica_ignores_its_source_so_pulumi_never_promotes_it_again()
    {
        var replicating = await PlanAsync(Production());
        var promoted = await PlanAsync(Production(dr: ["promote: true"]));

        Assert.Equal(["replicateSourceDb"], promoted.Resource(Instance, "db-dr-replica")["ignoreChanges"]!.AsArray().Select(c => (string)c!));
        Assert.Empty(replicating.Resource(Instance, "db-dr-replica")["ignoreChanges"]!.AsArray());
    }

    [Fact]
    public async Task Promoted_production_replica_takes_a_unique_final_snapshot_like_the_primary()
    {
        var plan = await PlanAsync(Production(dr: ["promote: true"]));

        var inputs = plan.Inputs(Instance, "db-dr-replica");
        Assert.False((bool)inputs["skipFinalSnapshot"]!);
        var suffix = ComponentPlan.Token("random:index/randomId:RandomId", "db-final-snapshot-suffix", "hex");
        Assert.Equal($"infra-production-db-replica-final-{suffix}", (string)inputs["finalSnapshotIdentifier"]!);
    }
}

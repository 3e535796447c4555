using System.Text.Json.Nodes;
using Infra.Tests.Support;
using static Infra.Tests.Components.Data.DataStacks;

namespace Infra.Tests.Components.Data;

public sealed class DatabasePrimaryTests
{
    private static readonly string PrimaryKeyArn = ComponentPlan.Token(Key, "db-key", "arn");

    [Fact]
    public async Task Primary_is_postgres_with_version_class_and_gp3_storage_from_settings()
    {
        var plan = await PlanAsync(Production(database: ["engineVersion: \"16.6\"", "instanceClass: db.r6g.xlarge", "allocatedStorageGb: 200", "maxAllocatedStorageGb: 800"]));

        var primary = plan.Inputs(Instance, "db-primary");
        Assert.Equal("infra-production-db", (string)primary["identifier"]!);
        Assert.Equal("postgres", (string)primary["engine"]!);
        Assert.Equal("16.6", (string)primary["engineVersion"]!);
        // A pinned full version turns automatic minor upgrades off, or every later update would try to downgrade.
        Assert.False((bool)primary["autoMinorVersionUpgrade"]!);
        Assert.Equal("db.r6g.xlarge", (string)primary["instanceClass"]!);
        Assert.Equal("gp3", (string)primary["storageType"]!);
        Assert.Equal(200, (long)primary["allocatedStorage"]!);
        Assert.Equal(800, (long)primary["maxAllocatedStorage"]!);
        Assert.Equal(5432, (long)primary["port"]!);
        Assert.False((bool)primary["publiclyAccessible"]!);
    }

    [Fact]
    public async Task A_major_version_lets_rds_apply_minor_upgrades()
    {
        var plan = await PlanAsync(Production(database: ["engineVersion: \"16\""]));

        var primary = plan.Inputs("aws:rds/instance:Instance", "db-primary");
        Assert.Equal(("16", true), ((string)primary["engineVersion"]!, (bool)primary["autoMinorVersionUpgrade"]!));
        Assert.Equal("postgres16", (string)plan.Inputs("aws:rds/parameterGroup:ParameterGroup", "db-params")["family"]!);
    }

    [Fact]
    public async Task Primary_storage_and_performance_insights_are_encrypted_with_the_primary_key()
    {
        var plan = await PlanAsync(Production());

        var primary = plan.Inputs(Instance, "db-primary");
        Assert.True((bool)primary["storageEncrypted"]!);
        Assert.Equal(PrimaryKeyArn, (string)primary["kmsKeyId"]!);
        Assert.True((bool)primary["performanceInsightsEnabled"]!);
        Assert.Equal(PrimaryKeyArn, (string)primary["performanceInsightsKmsKeyId"]!);
    }

    [Fact]
    public async Task Primary_key_rotates_and_outlives_the_stack_in_the_primary_region()
    {
        var plan = await PlanAsync(Production());

        var key = plan.Resource(Key, "db-key");
        Assert.True((bool)key["inputs"]!["enableKeyRotation"]!);
        Assert.True((bool)key["protect"]!);
        Assert.True((bool)key["retainOnDelete"]!);
        Assert.Null(key["provider"]);
    }

    [Fact]
    public async Task Production_primary_is_protected_multi_az_with_deletion_protection_and_a_unique_final_snapshot()
    {
        var plan = await PlanAsync(Production());

        var primary = plan.Resource(Instance, "db-primary");
        var inputs = primary["inputs"]!;
        Assert.True((bool)primary["protect"]!);
        Assert.True((bool)primary["retainOnDelete"]!);
        Assert.True((bool)inputs["deletionProtection"]!);
        Assert.True((bool)inputs["multiAz"]!);
        Assert.Equal(14, (long)inputs["backupRetentionPeriod"]!);
        Assert.False((bool)inputs["skipFinalSnapshot"]!);
        var suffix = ComponentPlan.Token("random:index/randomId:RandomId", "db-final-snapshot-suffix", "hex");
        Assert.Equal($"infra-production-db-final-{suffix}", (string)inputs["finalSnapshotIdentifier"]!);
        Assert.Equal(4, (long)plan.Inputs("random:index/randomId:RandomId", "db-final-snapshot-suffix")["byteLength"]!);
    }

    [Fact]
    public async Task Staging_primary_is_unprotected_single_az_without_a_final_snapshot()
    {
        var plan = await PlanAsync(Staging());

        var primary = plan.Resource(Instance, "db-primary");
        var inputs = primary["inputs"]!.AsObject();
        Assert.False((bool)primary["protect"]!);
        Assert.False((bool)primary["retainOnDelete"]!);
        Assert.False((bool)inputs["deletionProtection"]!);
        Assert.False((bool)inputs["multiAz"]!);
        Assert.Equal(7, (long)inputs["backupRetentionPeriod"]!);
        Assert.True((bool)inputs["skipFinalSnapshot"]!);
        Assert.False(inputs.ContainsKey("finalSnapshotIdentifier"));
        Assert.Empty(plan.OfType("random:index/randomId:RandomId"));
        Assert.False((bool)plan.Resource(Key, "db-key")["protect"]!);
    }

    [Fact]
    public async Task Primary_keeps_backups_in_its_windows_copies_tags_to_snapshots_and_exports_logs()
    {
        var plan = await PlanAsync(Staging(database: ["backupRetentionDays: 35", "backupWindow: \"01:00-01:30\"", "maintenanceWindow: \"sat:03:00-sat:04:00\""]));

        var primary = plan.Inputs(Instance, "db-primary");
        Assert.Equal(35, (long)primary["backupRetentionPeriod"]!);
        Assert.Equal("01:00-01:30", (string)primary["backupWindow"]!);
        Assert.Equal("sat:03:00-sat:04:00", (string)primary["maintenanceWindow"]!);
        Assert.True((bool)primary["copyTagsToSnapshot"]!);
        Assert.Equal(["postgresql", "upgrade"], primary["enabledCloudwatchLogsExports"]!.AsArray().Select(e => (string)e!));
    }

    [Fact]
    public async Task Primary_parameter_group_forces_tls_for_the_engine_major_version()
    {
        var plan = await PlanAsync(Staging(database: ["engineVersion: \"17.2\""]));

        var group = plan.Inputs("aws:rds/parameterGroup:ParameterGroup", "db-params");
        Assert.Equal("postgres17", (string)group["family"]!);
        var parameter = Assert.Single(group["parameters"]!.AsArray())!;
        Assert.Equal("rds.force_ssl", (string)parameter["name"]!);
        Assert.Equal("1", (string)parameter["value"]!);
        Assert.Equal(ComponentPlan.Token("aws:rds/parameterGroup:ParameterGroup", "db-params", "name"),
            (string)plan.Inputs(Instance, "db-primary")["parameterGroupName"]!);
    }

    [Fact]
    public async Task Primary_sits_in_the_private_subnets_behind_the_database_security_group()
    {
        var plan = await PlanAsync(Staging());

        var subnetGroup = plan.Inputs("aws:rds/subnetGroup:SubnetGroup", "db-subnets");
        Assert.Equal(PrimarySubnets, subnetGroup["subnetIds"]!.AsArray().Select(s => (string)s!));
        var primary = plan.Inputs(Instance, "db-primary");
        Assert.Equal(ComponentPlan.Token("aws:rds/subnetGroup:SubnetGroup", "db-subnets", "name"), (string)primary["dbSubnetGroupName"]!);
        Assert.Equal([PrimarySecurityGroup], primary["vpcSecurityGroupIds"]!.AsArray().Select(s => (string)s!));
    }

    [Fact]
    public async Task Enhanced_monitoring_uses_a_role_rds_monitoring_assumes_with_the_managed_policy_attached_first()
    {
        var plan = await PlanAsync(Staging());

        var primary = plan.Resource(Instance, "db-primary");
        Assert.Equal(60, (long)primary["inputs"]!["monitoringInterval"]!);
        Assert.Equal(ComponentPlan.Token("aws:iam/role:Role", "db-monitoring-role", "arn"), (string)primary["inputs"]!["monitoringRoleArn"]!);
        var trust = JsonNode.Parse((string)plan.Inputs("aws:iam/role:Role", "db-monitoring-role")["assumeRolePolicy"]!)!;
        var statement = Assert.Single(trust["Statement"]!.AsArray())!;
        Assert.Equal("monitoring.rds.amazonaws.com", (string)statement["Principal"]!["Service"]!);
        Assert.Equal("sts:AssumeRole", (string)statement["Action"]!);
        var attachment = plan.Inputs("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "db-monitoring-policy");
        Assert.Equal("arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole", (string)attachment["policyArn"]!);
        Assert.Equal(ComponentPlan.Token("aws:iam/role:Role", "db-monitoring-role", "name"), (string)attachment["role"]!);
        Assert.Equal([plan.Urn("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "db-monitoring-policy")],
            primary["dependsOn"]!.AsArray().Select(d => (string)d!));
    }

    [Fact]
    public async Task Every_database_resource_carries_the_stack_tags_and_its_name()
    {
        var plan = await PlanAsync(Production());

        var tags = plan.Inputs(Instance, "db-primary")["tags"]!;
        Assert.Equal("infra-production-db", (string)tags["Name"]!);
        Assert.Equal("infra", (string)tags["Project"]!);
        Assert.Equal("production", (string)tags["Stack"]!);
        Assert.Equal("production", (string)tags["Environment"]!);
        Assert.Equal("pulumi", (string)tags["ManagedBy"]!);
        var taggable = plan.Resources.Where(r => r["inputs"]!.AsObject().ContainsKey("tags") || IsTaggableAws(r)).ToList();
        Assert.All(taggable, r => Assert.Equal("production", (string)r["inputs"]!["tags"]!["Stack"]!));
    }

    [Fact]
    public async Task Children_are_parented_to_the_component()
    {
        var plan = await PlanAsync(Staging());

        var component = plan.Urn("infra:data:Database", "db");
        Assert.All(plan.Resources.Where(r => ((string)r["name"]!).StartsWith("db-", StringComparison.Ordinal)),
            r => Assert.Equal(component, (string)r["parent"]!));
    }

    // Types of this component that AWS can tag; random resources, policy attachments and secret versions cannot.
    private static bool IsTaggableAws(JsonObject resource) => (string)resource["type"]! is
        "aws:rds/instance:Instance" or "aws:kms/key:Key" or "aws:rds/subnetGroup:SubnetGroup"
        or "aws:rds/parameterGroup:ParameterGroup" or "aws:iam/role:Role" or "aws:secretsmanager/secret:Secret";
}

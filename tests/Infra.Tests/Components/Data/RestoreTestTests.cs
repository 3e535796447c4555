using Infra.Components.Data;
using Infra.Tests.Support;
using Pulumi;
using static Infra.Tests.Components.Data.DataStacks;

namespace Infra.Tests.Components.Data;

public sealed class RestoreTestTests
{
    [Fact]
    public async Task Restore_test_is_declared_only_when_set()
    {
        var plan = await PlanAsync(Production());

        Assert.DoesNotContain(plan.OfType(Instance), r => (string)r["name"]! == "db-restore-test");
    }

    [Fact]
    public async Task Latest_restores_the_primary_to_its_latest_restorable_time()
    {
        var plan = await PlanAsync(Production(database: ["restoreTest: {pointInTime: latest}"]));

        var restore = plan.Inputs(Instance, "db-restore-test")["restoreToPointInTime"]!.AsObject();
        Assert.Equal("infra-production-db", (string)restore["sourceDbInstanceIdentifier"]!);
        Assert.True((bool)restore["useLatestRestorableTime"]!);
        Assert.False(restore.ContainsKey("restoreTime"));
    }

    [Fact]
    public async Task A_timestamp_restores_the_primary_to_that_time_in_utc()
    {
        var plan = await PlanAsync(Production(database: ["restoreTest: {pointInTime: \"2026-11-20T09:30:00+01:00\"}"]));

        var restore = plan.Inputs(Instance, "db-restore-test")["restoreToPointInTime"]!.AsObject();
        Assert.Equal("infra-production-db", (string)restore["sourceDbInstanceIdentifier"]!);
        Assert.Equal("2026-11-20T08:30:00Z", (string)restore["restoreTime"]!);
        Assert.False(restore.ContainsKey("useLatestRestorableTime"));
    }

    [Fact]
    public async Task Restore_test_is_encrypted_with_the_primary_key_and_disposable_even_in_a_protected_production_database()
    {
        var plan = await PlanAsync(Production(database: ["restoreTest: {pointInTime: latest}"]), new ComponentResourceOptions { Protect = true });

        var restoreTest = plan.Resource(Instance, "db-restore-test");
        var inputs = restoreTest["inputs"]!.AsObject();
        Assert.Equal("infra-production-db-restore-test", (string)inputs["identifier"]!);
        Assert.True((bool)inputs["storageEncrypted"]!);
        Assert.Equal(ComponentPlan.Token(Key, "db-key", "arn"), (string)inputs["kmsKeyId"]!);
        Assert.False((bool)restoreTest["protect"]!);
        Assert.True((bool)inputs["skipFinalSnapshot"]!);
        Assert.False((bool)inputs["deletionProtection"]!);
        Assert.False(inputs.ContainsKey("finalSnapshotIdentifier"));
        Assert.False(inputs.ContainsKey("password"));
        Assert.Equal([PrimarySecurityGroup], inputs["vpcSecurityGroupIds"]!.AsArray().Select(s => (string)s!));
        Assert.Null(restoreTest["provider"]);
    }

    [Theory]
    [InlineData("2026-11-20T08:00:00Z", "2026-11-20T08:00:00Z")]
    [InlineData("2026-11-20T01:15:30-05:00", "2026-11-20T06:15:30Z")]
    [InlineData("2026-01-01T00:30:00+02:00", "2025-12-31T22:30:00Z")]
    public void Restore_time_is_sent_in_utc_with_a_z(string given, string sent) =>
        Assert.Equal(sent, RestorePoint.Format(DateTimeOffset.Parse(given, System.Globalization.CultureInfo.InvariantCulture)));
}

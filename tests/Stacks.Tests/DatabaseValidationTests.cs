using System.Text.Json.Nodes;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Tests;

public class DatabaseValidationTests
{
    private static StackBuilder Db(string path, JsonNode? value) => StackBuilder.Staging().Set("infra:database", path, value);

    [Theory]
    [InlineData(0)]
    [InlineData(36)]
    public void Backup_retention_outside_1_to_35(int days) =>
        Expect.Error(Db("backupRetentionDays", days), $"infra:database.backupRetentionDays: {days} is out of range; allowed 1 to 35");

    [Fact]
    public void Instance_class_must_start_with_db() =>
        Expect.Error(Db("instanceClass", "r6g.large"),
            "infra:database.instanceClass: 'r6g.large' is not an RDS instance class; expected a name starting with db., e.g. db.r6g.large");

    [Fact]
    public void Storage_ceiling_below_allocated_storage() =>
        Expect.Error(Db("allocatedStorageGb", 100).Set("infra:database", "maxAllocatedStorageGb", 50),
            "infra:database.maxAllocatedStorageGb: 50 is less than allocatedStorageGb 100; the ceiling must be at least the allocated storage");

    [Fact]
    public void Malformed_windows() =>
        Expect.Errors(Db("backupWindow", "2:00-3:00").Set("infra:database", "maintenanceWindow", "sunday 04:00"),
            "Pulumi.staging.yaml: infra:database.backupWindow: '2:00-3:00' is not a daily window; expected hh:mm-hh:mm in UTC, e.g. 02:00-03:00",
            "Pulumi.staging.yaml: infra:database.maintenanceWindow: 'sunday 04:00' is not a weekly window; " +
            "expected ddd:hh:mm-ddd:hh:mm in UTC, e.g. sun:04:00-sun:05:00");

    [Fact]
    public void Overlapping_windows() =>
        Expect.Error(Db("backupWindow", "02:00-03:00").Set("infra:database", "maintenanceWindow", "tue:02:30-tue:03:30"),
            "infra:database.maintenanceWindow: 'tue:02:30-tue:03:30' overlaps backupWindow '02:00-03:00'; the two windows must not overlap");

    [Fact]
    public void Windows_shorter_than_30_minutes() =>
        Expect.Error(Db("backupWindow", "02:00-02:10"),
            "infra:database.backupWindow: '02:00-02:10' is shorter than 30 minutes; AWS needs a window of at least 30 minutes");

    [Fact]
    public void Version_and_identifiers() =>
        Expect.Errors(Db("engineVersion", "latest").Set("infra:database", "name", "app-db").Set("infra:database", "username", "1admin"),
            "Pulumi.staging.yaml: infra:database.engineVersion: 'latest' is not a PostgreSQL version; expected a form like 16.4",
            "Pulumi.staging.yaml: infra:database.name: 'app-db' is not a PostgreSQL identifier; " +
            "use up to 63 letters, digits and underscores, starting with a letter",
            "Pulumi.staging.yaml: infra:database.username: '1admin' is not a PostgreSQL identifier; " +
            "use up to 63 letters, digits and underscores, starting with a letter");

    [Fact]
    public void Restore_test_latest()
    {
        var settings = Db("restoreTest.pointInTime", "latest").Load().GetValidOrThrow();

        Assert.Equal(new RestoreTestSettings(null), settings.Database.RestoreTest);
        Assert.True(settings.Database.RestoreTest!.UseLatestRestorableTime);
    }

    [Fact]
    public void Restore_test_timestamp()
    {
        var settings = Db("restoreTest.pointInTime", "2026-11-20T08:00:00+01:00").Load().GetValidOrThrow();

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 7, 0, 0, TimeSpan.Zero), settings.Database.RestoreTest!.PointInTime);
    }

    [Fact]
    public void Restore_test_instance_class()
    {
        var settings = Db("restoreTest.instanceClass", "db.t4g.small").Load().GetValidOrThrow();

        Assert.Equal(new RestoreTestSettings(null, "db.t4g.small"), settings.Database.RestoreTest);
    }

    [Fact]
    public void Restore_test_instance_class_must_be_an_rds_class() =>
        Expect.Error(Db("restoreTest.instanceClass", "t4g.small"),
            "infra:database.restoreTest.instanceClass: 't4g.small' is not an RDS instance class; expected a name starting with db., e.g. db.r6g.large");

    [Fact]
    public void Restore_test_is_absent_unless_set() =>
        Assert.Null(StackBuilder.Staging().Load().GetValidOrThrow().Database.RestoreTest);

    [Theory]
    [InlineData("2026-11-20 08:00")]
    [InlineData("2026-11-20T08:00:00")]
    [InlineData("yesterday")]
    public void Restore_test_malformed_time(string text) =>
        Expect.Error(Db("restoreTest.pointInTime", text),
            $"infra:database.restoreTest.pointInTime: '{text}' is not allowed; use latest or an ISO-8601 timestamp with offset, e.g. 2026-11-20T08:00:00Z");
}

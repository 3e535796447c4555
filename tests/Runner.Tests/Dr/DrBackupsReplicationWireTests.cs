using Amazon.RDS;
using Infra.Runner.Adapters;
using Infra.Runner.Adapters.Dr;
using Infra.Runner.Dr;
using TestSupport;

namespace Runner.Tests.Dr;

/// <summary>
/// Fail-back's backups replication calls through the offline AWSSDK.RDS client to the loopback RDS (AWS_ENDPOINT_URL_RDS):
/// the requests on the wire, the replicated backups a source lists, the replaced instance found by its resource id after
/// a rename, and RDS's refusals of a second start and of stopping what does not replicate.
/// </summary>
[Collection(nameof(DrEndpointOverrides))]
public sealed class DrBackupsReplicationWireTests : IDisposable
{
    private const string SourceArn = "arn:aws:rds:eu-west-1:123456789012:db:db";
    private const string DrKey = "arn:aws:kms:eu-central-1:123456789012:key/d";
    private readonly FakeRdsServer _rds = FakeRdsServer.Start();

    public DrBackupsReplicationWireTests()
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_RDS", _rds.Endpoint);
        _rds.Instances["db"] = new FakeRdsServer.Instance("available", BackupRetention: 14, ResourceId: "db-ABC");
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_RDS", null);
        _rds.Dispose();
    }

    private static RdsDrDatabase Database => new(RdsDrDatabase.ClientFor, SdkCallLimit.Of(TimeSpan.FromSeconds(30)));

    private static BackupsReplicationRequest Request => new("eu-central-1", SourceArn, "eu-west-1", DrKey, 14);

    [Fact]
    public async Task Start_sends_the_source_arn_key_and_retention_and_the_source_lists_the_replicated_backups()
    {
        var arn = await Database.StartBackupsReplicationAsync(Request, CancellationToken.None);

        Assert.Equal("arn:aws:rds:eu-central-1:123456789012:auto-backup:ab-db-ABC0", arn);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Action"] = "StartDBInstanceAutomatedBackupsReplication",
            ["Version"] = "2014-10-31",
            ["SourceDBInstanceArn"] = SourceArn,
            ["KmsKeyId"] = DrKey,
            ["BackupRetentionPeriod"] = "14",
        }, Assert.Single(_rds.Requests));
        var source = await Database.DescribeAsync("eu-west-1", "db", CancellationToken.None);
        Assert.Equal([arn], source!.ReplicatedBackups);
        Assert.Equal(arn, source.BackupsReplicatedTo("eu-central-1"));
        Assert.Null(source.BackupsReplicatedTo("eu-west-1"));
    }

    [Fact]
    public async Task Rds_refuses_a_second_start_and_a_source_without_automated_backups()
    {
        await Database.StartBackupsReplicationAsync(Request, CancellationToken.None);
        _rds.Instances["nobackups"] = new FakeRdsServer.Instance("available");

        var twice = await Assert.ThrowsAsync<AmazonRDSException>(() => Database.StartBackupsReplicationAsync(Request, CancellationToken.None));
        var none = await Assert.ThrowsAsync<AmazonRDSException>(() => Database.StartBackupsReplicationAsync(
            Request with { SourceArn = "arn:aws:rds:eu-west-1:123456789012:db:nobackups" }, CancellationToken.None));

        Assert.Equal(("InvalidDBInstanceState", "DB instance db is already replicating to the current region."), (twice.ErrorCode, twice.Message));
        Assert.Equal(("InvalidDBInstanceState", "Automated backups are not enabled for DB instance nobackups."), (none.ErrorCode, none.Message));
    }

    [Fact]
    public async Task The_renamed_instance_is_found_by_its_resource_id_and_stopping_it_leaves_its_copies_retained_once()
    {
        await Database.StartBackupsReplicationAsync(Request, CancellationToken.None);
        await Database.RenameAsync("eu-west-1", "db", "db-retired-1", CancellationToken.None);

        var retired = await Database.DescribeByResourceIdAsync("eu-west-1", "db-ABC", CancellationToken.None);
        await Database.StopBackupsReplicationAsync("eu-central-1", retired!.Arn, CancellationToken.None);
        var again = await Assert.ThrowsAsync<AmazonRDSException>(() => Database.StopBackupsReplicationAsync("eu-central-1", retired.Arn, CancellationToken.None));

        Assert.Equal("arn:aws:rds:eu-west-1:123456789012:db:db-retired-1", retired.Arn);
        Assert.Equal(["arn:aws:rds:eu-central-1:123456789012:auto-backup:ab-db-ABC0"], retired.ReplicatedBackups);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Action"] = "DescribeDBInstances",
            ["Version"] = "2014-10-31",
            ["Filters.Filter.1.Name"] = "dbi-resource-id",
            ["Filters.Filter.1.Values.Value.1"] = "db-ABC",
        }, _rds.Requests[2]);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Action"] = "StopDBInstanceAutomatedBackupsReplication",
            ["Version"] = "2014-10-31",
            ["SourceDBInstanceArn"] = "arn:aws:rds:eu-west-1:123456789012:db:db-retired-1",
        }, _rds.Requests[3]);
        Assert.False(_rds.Replications["db-retired-1"].Replicating);
        Assert.Equal(("InvalidDBInstanceState", "DB instance db-retired-1 is not replicating to the current region."), (again.ErrorCode, again.Message));
        Assert.Null((await Database.DescribeAsync("eu-west-1", "db-retired-1", CancellationToken.None))!.ReplicatedBackups);
    }

    [Fact]
    public async Task No_instance_with_the_resource_id_is_none()
    {
        Assert.Null(await Database.DescribeByResourceIdAsync("eu-west-1", "db-GONE", CancellationToken.None));
    }
}

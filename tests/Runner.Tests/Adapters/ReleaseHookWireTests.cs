using System.Text.Json.Nodes;
using Amazon;
using Amazon.ECS;
using Amazon.ECS.Model;
using Amazon.RDS;
using Amazon.RDS.Model;
using Infra.Runner.Adapters;
using Infra.Runner.Adapters.Hooks;
using Infra.Runner.Rollout;
using TestSupport;
// Amazon.ECS.Model declares a Task (an ECS task) too.
using Task = System.Threading.Tasks.Task;

namespace Runner.Tests.Adapters;

/// <summary>
/// The release hooks' adapters through the offline AWSSDK.RDS and AWSSDK.ECS clients to the loopback fakes: the exact
/// requests on the wire, and RDS's and ECS's refusals as the adapters pass them on.
/// </summary>
[Collection("DrEndpointOverrides")]
public sealed class ReleaseHookWireTests : IDisposable
{
    private const string Key = "arn:aws:kms:eu-west-1:123456789012:key/k";
    private static readonly SdkCallLimit Timeout = SdkCallLimit.Of(TimeSpan.FromSeconds(30));
    private readonly FakeRdsServer _rds = FakeRdsServer.Start();
    private readonly FakeEcsServer _ecs = FakeEcsServer.Start();

    public ReleaseHookWireTests()
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_RDS", _rds.Endpoint);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_ECS", _ecs.Endpoint);
        _rds.Instances["db"] = new FakeRdsServer.Instance("available", KmsKeyId: Key);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_RDS", null);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_ECS", null);
        _rds.Dispose();
        _ecs.Dispose();
    }

    private static RdsReleaseSnapshots Snapshots => new(new AmazonRDSClient(RegionEndpoint.EUWest1), null, Timeout);

    private static readonly SnapshotDatabase Db = new("db");

    private static EcsMigrationTasks Tasks => new(new AmazonECSClient(RegionEndpoint.EUWest1), Timeout);

    [Fact]
    public async Task A_snapshot_is_created_tagged_and_encrypted_with_the_instance_key_and_read_back_with_its_progress()
    {
        await Snapshots.CreateAsync(Db, "production-release-r1", "production", "r1", CancellationToken.None);

        Assert.Equal(new Dictionary<string, string>
        {
            ["Action"] = "CreateDBSnapshot", ["Version"] = "2014-10-31", ["DBInstanceIdentifier"] = "db", ["DBSnapshotIdentifier"] = "production-release-r1",
            ["Tags.Tag.1.Key"] = "Stack", ["Tags.Tag.1.Value"] = "production", ["Tags.Tag.2.Key"] = "RolloutId", ["Tags.Tag.2.Value"] = "r1",
            ["Tags.Tag.3.Key"] = "ReleaseSnapshot", ["Tags.Tag.3.Value"] = "true",
        }, Assert.Single(_rds.Requests));
        Assert.Equal(Key, _rds.Snapshots["production-release-r1"].KmsKeyId);
        _rds.Snapshots["production-release-r1"] = _rds.Snapshots["production-release-r1"] with { Percent = 40 };
        Assert.Equal(new SnapshotState("production-release-r1", "creating", 40), await Snapshots.DescribeAsync(Db, "production-release-r1", CancellationToken.None));
        Assert.Null(await Snapshots.DescribeAsync(Db, "production-release-r2", CancellationToken.None));
    }

    [Fact]
    public async Task RDS_refusals_reach_the_hook_as_its_exceptions()
    {
        await Snapshots.CreateAsync(Db, "s1", "production", "r1", CancellationToken.None);

        var taken = await Assert.ThrowsAsync<DBSnapshotAlreadyExistsException>(() => Snapshots.CreateAsync(Db, "s1", "production", "r1", CancellationToken.None));
        Assert.Equal("Cannot create the snapshot because a snapshot with the identifier s1 already exists.", taken.Message);
        _rds.Instances["db"] = _rds.Instances["db"] with { Status = "modifying" };
        var busy = await Assert.ThrowsAsync<AmazonRDSException>(() => Snapshots.CreateAsync(Db, "s2", "production", "r2", CancellationToken.None));
        Assert.Equal(("InvalidDBInstanceState", "Cannot create a snapshot because the database instance db is not currently in the available state."), (busy.ErrorCode, busy.Message));
    }

    [Fact]
    public async Task Release_snapshots_are_listed_page_by_page_by_their_marker_tag_and_stack_and_deleted()
    {
        var release = new Dictionary<string, string> { ["Stack"] = "production", ["RolloutId"] = "r1", ["ReleaseSnapshot"] = "true" };
        _rds.Snapshots["a"] = new FakeRdsServer.Snapshot("db", "available", 100, new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc), Key, release);
        _rds.Snapshots["b"] = new FakeRdsServer.Snapshot("db", "creating", 10, null, Key, release);
        _rds.Snapshots["by-hand"] = new FakeRdsServer.Snapshot("db", "available", 100, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), Key, new Dictionary<string, string>());
        _rds.Snapshots["staging"] = new FakeRdsServer.Snapshot("db", "available", 100, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), Key,
            new Dictionary<string, string>(release) { ["Stack"] = "staging" });
        _rds.PageSize = 1;

        var found = await Snapshots.ListReleaseSnapshotsAsync(Db, "production", CancellationToken.None);

        Assert.Equal(
            [new ReleaseSnapshot("a", "r1", new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)), new ReleaseSnapshot("b", "r1", null)],
            found);
        Assert.Equal(["0", "1", "2", "3"], _rds.Requests.Select(r => r.GetValueOrDefault("Marker", "0")));
        Assert.All(_rds.Requests, r => Assert.Equal(("db", "manual"), (r["DBInstanceIdentifier"], r["SnapshotType"])));
        await Snapshots.DeleteAsync(Db, "a", CancellationToken.None);
        await Snapshots.DeleteAsync(Db, "gone", CancellationToken.None);
        Assert.False(_rds.Snapshots.ContainsKey("a"));
    }

    [Fact]
    public async Task The_migration_task_runs_on_fargate_in_the_private_subnets_with_the_command_override_and_is_read_until_it_stops()
    {
        _ecs.Services[("infra-production", "web-blue")] = (1, 1);
        _ecs.TaskDefinitions["arn:td/web-green:7"] = ["web"];

        var arn = await Tasks.StartAsync(new MigrationTaskRequest("infra-production", "arn:td/web-green:7", "web", ["./migrate", "up"],
            ["subnet-a", "subnet-b"], "sg-tasks", "r1", "migration-r1"), CancellationToken.None);

        Assert.Equal("arn:aws:ecs:eu-west-1:123456789012:task/infra-production/0001abcdef", arn);
        var (target, body) = Assert.Single(_ecs.Requests);
        Assert.Equal("AmazonEC2ContainerServiceV20141113.RunTask", target);
        Assert.Equal(JsonNode.Parse("""
            {"cluster":"infra-production","taskDefinition":"arn:td/web-green:7","launchType":"FARGATE","startedBy":"r1","clientToken":"migration-r1",
             "networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-a","subnet-b"],"securityGroups":["sg-tasks"],"assignPublicIp":"DISABLED"}},
             "overrides":{"containerOverrides":[{"name":"web","command":["./migrate","up"]}]}}
            """)!.ToJsonString(), JsonNode.Parse(body)!.ToJsonString());
        Assert.Equal(new MigrationTaskState(arn, "PROVISIONING", null, null), await Tasks.DescribeAsync("infra-production", arn, "web", CancellationToken.None));
        _ecs.Tasks[arn] = _ecs.Tasks[arn] with { LastStatus = "STOPPED", ExitCode = 1, StoppedReason = "Essential container in task exited" };
        Assert.Equal(new MigrationTaskState(arn, "STOPPED", 1, "Essential container in task exited"),
            await Tasks.DescribeAsync("infra-production", arn, "web", CancellationToken.None));
    }

    [Fact]
    public async Task ECS_refusals_and_unknown_tasks_are_errors_that_say_why()
    {
        _ecs.Services[("infra-production", "web-blue")] = (1, 1);
        _ecs.TaskDefinitions["arn:td/web-green:7"] = ["web"];

        var wrongContainer = await Assert.ThrowsAsync<InvalidParameterException>(() => Tasks.StartAsync(
            new MigrationTaskRequest("infra-production", "arn:td/web-green:7", "api", ["x"], ["subnet-a"], "sg", "r1", "migration-r1"), CancellationToken.None));
        Assert.Equal("Override for container named api is not a container in the TaskDefinition.", wrongContainer.Message);
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => Tasks.DescribeAsync("infra-production", "arn:task/none", "web", CancellationToken.None));
        Assert.Equal("ECS does not know task arn:task/none: arn:task/none: MISSING", missing.Message);
    }

    [Fact]
    public async Task RunTask_with_the_same_client_token_answers_the_first_task_and_with_other_parameters_is_a_conflict()
    {
        _ecs.Services[("infra-production", "web-blue")] = (1, 1);
        _ecs.TaskDefinitions["arn:td/web-green:7"] = ["web"];
        var request = new MigrationTaskRequest("infra-production", "arn:td/web-green:7", "web", ["./migrate", "up"], ["subnet-a"], "sg-tasks", "r1", "migration-r1");

        var first = await Tasks.StartAsync(request, CancellationToken.None);
        var again = await Tasks.StartAsync(request, CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Single(_ecs.Tasks);
        var conflict = await Assert.ThrowsAnyAsync<AmazonECSException>(() => Tasks.StartAsync(request with { Command = ["./migrate", "down"] }, CancellationToken.None));
        Assert.Equal(("ConflictException", "The client token migration-r1 was already used with different parameters."), (conflict.ErrorCode, conflict.Message));
        Assert.Single(_ecs.Tasks);
    }

    [Fact]
    public async Task Without_a_token_of_its_own_the_client_sends_a_new_one_per_call_so_two_calls_start_two_tasks()
    {
        _ecs.Services[("infra-production", "web-blue")] = (1, 1);
        _ecs.TaskDefinitions["arn:td/web-green:7"] = ["web"];
        var client = new AmazonECSClient(RegionEndpoint.EUWest1);
        var request = new RunTaskRequest
        {
            Cluster = "infra-production", TaskDefinition = "arn:td/web-green:7",
            NetworkConfiguration = new NetworkConfiguration { AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = ["subnet-a"] } },
        };

        await client.RunTaskAsync(request);
        await client.RunTaskAsync(request);

        Assert.Equal(2, _ecs.Tasks.Count);
        var tokens = _ecs.Requests.Select(r => (string?)JsonNode.Parse(r.Body)!["clientToken"]).ToList();
        Assert.All(tokens, t => Assert.True(Guid.TryParse(t, out _)));
        Assert.NotEqual(tokens[0], tokens[1]);
    }
}

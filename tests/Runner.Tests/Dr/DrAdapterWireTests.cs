using System.Net;
using System.Net.Sockets;
using Amazon.RDS;
using Amazon.Route53;
using Infra.Runner.Adapters;
using Infra.Runner.Adapters.Dr;
using Infra.Runner.Dr;
using Infra.Runner.Drill;
using Microsoft.Extensions.Time.Testing;
using TestSupport;

namespace Runner.Tests.Dr;

[CollectionDefinition(nameof(DrEndpointOverrides), DisableParallelization = true)]
public sealed class DrEndpointOverrides;

/// <summary>
/// The failover and fail-back adapters through the offline AWSSDK.RDS / ECS / Route53 clients to the loopback fakes
/// (AWS_ENDPOINT_URL_RDS, _ECS, _ROUTE_53): the exact requests on the wire, and the services' errors as the adapters
/// turn them into answers.
/// </summary>
[Collection(nameof(DrEndpointOverrides))]
public sealed class DrAdapterWireTests : IDisposable
{
    private static readonly SdkCallLimit Timeout = SdkCallLimit.Of(TimeSpan.FromSeconds(30));
    private readonly FakeRdsServer _rds = FakeRdsServer.Start();
    private readonly FakeEcsServer _ecs = FakeEcsServer.Start();
    private readonly FakeRoute53Server _route53 = FakeRoute53Server.Start();
    private readonly FakeApplicationAutoScalingServer _scaling = FakeApplicationAutoScalingServer.Start();

    public DrAdapterWireTests()
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_RDS", _rds.Endpoint);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_ECS", _ecs.Endpoint);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_ROUTE_53", _route53.Endpoint);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_APPLICATION_AUTO_SCALING", _scaling.Endpoint);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_RDS", null);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_ECS", null);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_ROUTE_53", null);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_APPLICATION_AUTO_SCALING", null);
        _scaling.Dispose();
        _rds.Dispose();
        _ecs.Dispose();
        _route53.Dispose();
    }

    private RdsDrDatabase Database => new(RdsDrDatabase.ClientFor, Timeout);

    [Fact]
    public async Task Describe_reads_status_replica_source_endpoint_placement_and_resource_id()
    {
        _rds.Instances["db-replica"] = new FakeRdsServer.Instance("available", "db", "arn:aws:kms:eu-west-1:123456789012:key/k", "dr-subnets", ["sg-a", "sg-b"],
            ResourceId: "db-ABCDEFGHIJKLMNOPQRSTUVWXYZ");

        var state = await Database.DescribeAsync("eu-west-1", "db-replica", CancellationToken.None);

        Assert.Equal(new DbInstanceState("available", "arn:aws:rds:eu-west-1:123456789012:db:db-replica", "db", "db-replica.abc.eu-west-1.rds.amazonaws.com",
            new DbPlacement("arn:aws:kms:eu-west-1:123456789012:key/k", "dr-subnets", ["sg-a", "sg-b"], "default.postgres16"), "db-ABCDEFGHIJKLMNOPQRSTUVWXYZ", "in-sync"), state, new StateComparer());
        Assert.Equal(
            new Dictionary<string, string> { ["Action"] = "DescribeDBInstances", ["Version"] = "2014-10-31", ["DBInstanceIdentifier"] = "db-replica" },
            Assert.Single(_rds.Requests));
    }

    [Fact]
    public async Task An_unknown_instance_is_none_not_an_error()
    {
        Assert.Null(await Database.DescribeAsync("eu-west-1", "nope", CancellationToken.None));
    }

    /// <summary>
    /// InvalidDBInstanceState (a standalone instance, one not available) is also RDS's answer to the SDK's retry of a
    /// promotion it took, so it leaves the outcome unknown; other 4xx answers are refusals: nothing was promoted.
    /// </summary>
    [Fact]
    public async Task Promote_sends_PromoteReadReplica_and_only_4xx_answers_other_than_InvalidDBInstanceState_are_promotion_refusals()
    {
        _rds.Instances["db-replica"] = new FakeRdsServer.Instance("available", "db");
        _rds.Instances["db"] = new FakeRdsServer.Instance("available");

        await Database.PromoteAsync("eu-west-1", "db-replica", CancellationToken.None);
        var standalone = await Assert.ThrowsAsync<PromotionMaybeTakenException>(() => Database.PromoteAsync("eu-west-1", "db", CancellationToken.None));
        var busy = await Assert.ThrowsAsync<PromotionMaybeTakenException>(() => Database.PromoteAsync("eu-west-1", "db-replica", CancellationToken.None));
        var missing = await Assert.ThrowsAsync<PromotionRefusedException>(() => Database.PromoteAsync("eu-west-1", "nope", CancellationToken.None));

        Assert.Equal(
            new Dictionary<string, string> { ["Action"] = "PromoteReadReplica", ["Version"] = "2014-10-31", ["DBInstanceIdentifier"] = "db-replica" },
            _rds.Requests[0]);
        Assert.Equal("PromoteReadReplica for db was answered InvalidDBInstanceState (DB Instance db is not a read replica.), " +
            "as RDS also answers the SDK's retry of a promotion it took", standalone.Message);
        Assert.Equal("PromoteReadReplica for db-replica was answered InvalidDBInstanceState (DB Instance db-replica is not in available state.), " +
            "as RDS also answers the SDK's retry of a promotion it took", busy.Message);
        Assert.Equal("RDS refused to promote nope (DBInstanceNotFound: DBInstance nope not found.)", missing.Message);
        var promoting = await Database.DescribeAsync("eu-west-1", "db-replica", CancellationToken.None);
        Assert.Equal(("modifying", "db"), (promoting!.Status, promoting.ReplicaOf));
    }

    /// <summary>
    /// The call limit cancels the SDK request itself: the connection closes at the limit. Only to stop waiting would
    /// leave the request in flight, for RDS to promote after failover gave up on it and undid its fence.
    /// </summary>
    /// <summary>Throttling is an answer RDS may give the SDK's retry of a promotion it took: not a refusal, so the outcome is watched.</summary>
    [Fact]
    public async Task A_throttled_promote_is_not_a_refusal()
    {
        _rds.Instances["db-replica"] = new FakeRdsServer.Instance("available", "db");
        _rds.Throttled = true;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Database.PromoteAsync("eu-west-1", "db-replica", CancellationToken.None));

        Assert.IsNotType<PromotionRefusedException>(error);
        Assert.Equal("Throttling", Assert.IsAssignableFrom<Amazon.Runtime.AmazonServiceException>(error).ErrorCode);
    }

    [Fact]
    public async Task A_promote_that_gets_no_answer_is_cancelled_at_the_call_limit_not_left_in_flight()
    {
        using var silent = new SilentHttpServer();
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_RDS", silent.Endpoint);
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var database = new RdsDrDatabase(RdsDrDatabase.ClientFor, new SdkCallLimit(TimeSpan.FromSeconds(10), clock));

        var promote = database.PromoteAsync("eu-west-1", "db-replica", CancellationToken.None);
        var request = await silent.ReadRequestAsync();
        clock.Advance(TimeSpan.FromSeconds(10));

        var timedOut = await Assert.ThrowsAsync<TimeoutException>(() => promote);
        Assert.Equal("no answer within 10s; the request was cancelled", timedOut.Message);
        Assert.Contains("Action=PromoteReadReplica", request, StringComparison.Ordinal);
        Assert.True(await silent.ClosedByClientAsync(), "the client still holds the connection: the request was not cancelled");
    }

    [Fact]
    public async Task A_new_cross_region_replica_carries_the_source_arn_the_regions_key_subnet_group_and_security_groups()
    {
        await Database.CreateReplicaAsync(new ReplicaRequest("eu-west-1", "db", "arn:aws:rds:eu-central-1:123456789012:db:db-replica", "eu-central-1",
            new DbPlacement("arn:aws:kms:eu-west-1:123456789012:key/p", "db-subnets", ["sg-1", "sg-2"])), CancellationToken.None);

        Assert.Equal(new Dictionary<string, string>
        {
            ["Action"] = "CreateDBInstanceReadReplica",
            ["Version"] = "2014-10-31",
            ["DBInstanceIdentifier"] = "db",
            ["SourceDBInstanceIdentifier"] = "arn:aws:rds:eu-central-1:123456789012:db:db-replica",
            ["KmsKeyId"] = "arn:aws:kms:eu-west-1:123456789012:key/p",
            ["DBSubnetGroupName"] = "db-subnets",
            ["VpcSecurityGroupIds.VpcSecurityGroupId.1"] = "sg-1",
            ["VpcSecurityGroupIds.VpcSecurityGroupId.2"] = "sg-2",
        }, Assert.Single(_rds.Requests));
        Assert.Equal("db-replica", _rds.Instances["db"].ReplicaOf);
    }

    [Fact]
    public async Task A_new_replica_gets_what_the_program_declares_and_its_backup_retention_right_after()
    {
        await Database.CreateReplicaAsync(new ReplicaRequest("eu-west-1", "db", "arn:aws:rds:eu-central-1:123456789012:db:db-replica", "eu-central-1",
            new DbPlacement("arn:aws:kms:eu-west-1:123456789012:key/p", "db-subnets", ["sg-1"], "db-params-1a2b3c"),
            new ReplicaSettings("db.r6g.large", MultiAz: true, BackupRetentionDays: 14, DeletionProtection: true)), CancellationToken.None);
        await Database.SetBackupRetentionAsync("eu-west-1", "db", 14, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<AmazonRDSException>(() => Database.SetBackupRetentionAsync("eu-west-1", "db", 36, CancellationToken.None));

        Assert.Equal(new Dictionary<string, string>
        {
            ["Action"] = "CreateDBInstanceReadReplica",
            ["Version"] = "2014-10-31",
            ["DBInstanceIdentifier"] = "db",
            ["SourceDBInstanceIdentifier"] = "arn:aws:rds:eu-central-1:123456789012:db:db-replica",
            ["KmsKeyId"] = "arn:aws:kms:eu-west-1:123456789012:key/p",
            ["DBSubnetGroupName"] = "db-subnets",
            ["VpcSecurityGroupIds.VpcSecurityGroupId.1"] = "sg-1",
            ["DBInstanceClass"] = "db.r6g.large",
            ["MultiAZ"] = "true",
            ["DeletionProtection"] = "true",
            ["CopyTagsToSnapshot"] = "true",
        }, _rds.Requests[0]);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Action"] = "ModifyDBInstance", ["Version"] = "2014-10-31", ["DBInstanceIdentifier"] = "db", ["ApplyImmediately"] = "true", ["BackupRetentionPeriod"] = "14",
        }, _rds.Requests[1]);
        Assert.Equal((FakeRdsServer.DefaultParameterGroup, 14), (_rds.Instances["db"].ParameterGroup, _rds.Instances["db"].BackupRetention));
        Assert.Equal("InvalidParameterValue", refused.ErrorCode);
    }

    /// <summary>What the adapter must never send: RDS refuses a parameter group on a cross-region PostgreSQL read replica.</summary>
    [Fact]
    public async Task Rds_refuses_a_parameter_group_on_a_cross_region_postgres_replica_so_the_adapter_sends_none()
    {
        var refused = await Assert.ThrowsAsync<AmazonRDSException>(() => RdsDrDatabase.ClientFor("eu-west-1").CreateDBInstanceReadReplicaAsync(new()
        {
            DBInstanceIdentifier = "db",
            SourceDBInstanceIdentifier = "arn:aws:rds:eu-central-1:123456789012:db:db-replica",
            KmsKeyId = "arn:aws:kms:eu-west-1:123456789012:key/p",
            DBParameterGroupName = "db-params-1a2b3c",
        }));

        Assert.Equal(("InvalidParameterCombination", "A parameter group can't be specified during Read Replica creation for the following DB engine: postgres"),
            (refused.ErrorCode, refused.Message));
        Assert.False(_rds.Instances.ContainsKey("db"));
    }

    [Fact]
    public async Task The_parameter_group_is_set_at_once_pending_a_reboot_and_the_reboot_applies_it()
    {
        _rds.Instances["db"] = new FakeRdsServer.Instance("available", "db-replica");

        await Database.SetParameterGroupAsync("eu-west-1", "db", "db-params-1a2b3c", CancellationToken.None);
        var pending = await Database.DescribeAsync("eu-west-1", "db", CancellationToken.None);
        await Database.RebootAsync("eu-west-1", "db", CancellationToken.None);
        var rebooted = await Database.DescribeAsync("eu-west-1", "db", CancellationToken.None);

        Assert.Equal(new Dictionary<string, string>
        {
            ["Action"] = "ModifyDBInstance", ["Version"] = "2014-10-31", ["DBInstanceIdentifier"] = "db", ["ApplyImmediately"] = "true", ["DBParameterGroupName"] = "db-params-1a2b3c",
        }, _rds.Requests[0]);
        Assert.Equal(new Dictionary<string, string> { ["Action"] = "RebootDBInstance", ["Version"] = "2014-10-31", ["DBInstanceIdentifier"] = "db" }, _rds.Requests[2]);
        Assert.Equal(("modifying", "db-params-1a2b3c", "pending-reboot"), (pending!.Status, pending.Placement!.ParameterGroupName, pending.ParameterApplyStatus));
        Assert.Equal(("rebooting", "db-params-1a2b3c", "in-sync"), (rebooted!.Status, rebooted.Placement!.ParameterGroupName, rebooted.ParameterApplyStatus));
    }

    [Fact]
    public async Task Rename_is_ModifyDBInstance_applied_immediately()
    {
        _rds.Instances["db"] = new FakeRdsServer.Instance("available");

        await Database.RenameAsync("eu-west-1", "db", "db-retired-202606010300", CancellationToken.None);

        Assert.Equal(new Dictionary<string, string>
        {
            ["Action"] = "ModifyDBInstance",
            ["Version"] = "2014-10-31",
            ["DBInstanceIdentifier"] = "db",
            ["NewDBInstanceIdentifier"] = "db-retired-202606010300",
            ["ApplyImmediately"] = "true",
        }, Assert.Single(_rds.Requests));
        Assert.Equal(["db-retired-202606010300"], _rds.Instances.Keys);
    }

    [Fact]
    public async Task A_point_in_time_restore_uses_the_sources_subnet_group_and_security_groups_and_the_restore_tests_class_and_deleting_twice_is_fine()
    {
        _rds.Instances["db"] = new FakeRdsServer.Instance("available", null, "k", "db-subnets", ["sg-1"]);
        var restore = new RdsPointInTimeRestore(RdsDrDatabase.ClientFor("eu-west-1"), Timeout);

        await restore.StartRestoreAsync(new RestoreRequest("db", "db-drill", new DateTimeOffset(2026, 6, 1, 2, 59, 30, TimeSpan.Zero), "db.t4g.small"), CancellationToken.None);
        var described = await restore.DescribeAsync("db-drill", CancellationToken.None);
        await restore.DeleteAsync("db-drill", CancellationToken.None);
        await restore.DeleteAsync("db-drill", CancellationToken.None);

        Assert.Equal(new Dictionary<string, string>
        {
            ["Action"] = "RestoreDBInstanceToPointInTime",
            ["Version"] = "2014-10-31",
            ["SourceDBInstanceIdentifier"] = "db",
            ["TargetDBInstanceIdentifier"] = "db-drill",
            ["RestoreTime"] = "2026-06-01T02:59:30.000Z",
            ["DBSubnetGroupName"] = "db-subnets",
            ["DBInstanceClass"] = "db.t4g.small",
            ["VpcSecurityGroupIds.VpcSecurityGroupId.1"] = "sg-1",
        }, _rds.Requests[1]);
        Assert.Equal(("creating", null), described);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Action"] = "DeleteDBInstance", ["Version"] = "2014-10-31", ["DBInstanceIdentifier"] = "db-drill", ["SkipFinalSnapshot"] = "true",
        }, _rds.Requests[3]);
        Assert.False(_rds.Instances.ContainsKey("db-drill"));
        Assert.Null(await restore.DescribeAsync("db-drill", CancellationToken.None));
    }

    [Fact]
    public async Task Ecs_scales_by_registering_the_autoscaling_range_then_UpdateService_and_reads_counts_with_DescribeServices()
    {
        _ecs.Services[("production", "production-web-blue")] = (0, 0);
        _scaling.EcsServices["service/production/production-web-blue"] = true;
        _scaling.Targets["service/production/production-web-blue"] = (0, 0);
        var services = new EcsDrServices(EcsDrServices.ClientFor, Timeout);

        await services.ScaleAsync("eu-central-1", "production", "production-web-blue", new ServiceCapacity(3, 3, 12), CancellationToken.None);
        var counts = await services.DescribeAsync("eu-central-1", "production", "production-web-blue", CancellationToken.None);
        var missing = await services.DescribeAsync("eu-central-1", "production", "production-api-blue", CancellationToken.None);

        Assert.Equal(
        [
            ("AmazonEC2ContainerServiceV20141113.UpdateService", """{"cluster":"production","service":"production-web-blue","desiredCount":3}"""),
            ("AmazonEC2ContainerServiceV20141113.DescribeServices", """{"cluster":"production","services":["production-web-blue"]}"""),
            ("AmazonEC2ContainerServiceV20141113.DescribeServices", """{"cluster":"production","services":["production-api-blue"]}"""),
        ], _ecs.Requests);
        Assert.Equal(new ServiceCounts(3, 0), counts);
        Assert.Null(missing);
        Assert.Equal(("AnyScaleFrontendService.RegisterScalableTarget",
            """{"MaxCapacity":12,"MinCapacity":3,"ResourceId":"service/production/production-web-blue","ScalableDimension":"ecs:service:DesiredCount","ServiceNamespace":"ecs"}"""),
            Assert.Single(_scaling.Requests));
        Assert.Equal((3, 12), _scaling.Targets["service/production/production-web-blue"]);
    }

    [Fact]
    public async Task A_refused_autoscaling_range_fails_the_scale_before_the_desired_count_is_touched()
    {
        _ecs.Services[("production", "production-web-blue")] = (0, 0);
        var services = new EcsDrServices(EcsDrServices.ClientFor, Timeout);

        var error = await Assert.ThrowsAsync<Amazon.ApplicationAutoScaling.Model.ValidationException>(
            () => services.ScaleAsync("eu-central-1", "production", "production-web-blue", new ServiceCapacity(3, 3, 12), CancellationToken.None));

        Assert.Equal(("ValidationException", "ECS service doesn't exist: service/production/production-web-blue"), (error.ErrorCode, error.Message));
        Assert.Empty(_ecs.Requests);
    }

    [Fact]
    public async Task Scaling_a_service_of_an_unknown_cluster_fails_as_ecs_does()
    {
        _ecs.Services[("production", "production-web-blue")] = (0, 0);
        _scaling.EcsServices["service/staging/staging-web-blue"] = true;
        var services = new EcsDrServices(EcsDrServices.ClientFor, Timeout);

        var error = await Assert.ThrowsAsync<Amazon.ECS.Model.ClusterNotFoundException>(
            () => services.ScaleAsync("eu-central-1", "staging", "staging-web-blue", new ServiceCapacity(1, 1, 4), CancellationToken.None));

        Assert.Equal("Cluster not found.", error.Message);
    }

    /// <summary>Failover's fence of a primary region that does not answer waits for the call timeout, never for the SDK's own.</summary>
    [Fact]
    public async Task An_autoscaling_api_that_never_answers_fails_the_scale_at_the_call_timeout_before_ecs_is_asked()
    {
        // Takes connections (the OS completes them) and never reads or answers a request.
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_APPLICATION_AUTO_SCALING", $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}");
            var services = new EcsDrServices(EcsDrServices.ClientFor, SdkCallLimit.Of(TimeSpan.FromMilliseconds(200)));

            await Assert.ThrowsAsync<TimeoutException>(
                () => services.ScaleAsync("eu-west-1", "production", "production-web-blue", ServiceCapacity.Stopped, CancellationToken.None));

            Assert.Empty(_ecs.Requests);
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public async Task Dns_holds_the_primary_record_unhealthy_with_threshold_2_and_releases_it_with_1()
    {
        _route53.HealthChecks["hc-1"] = 1;
        var dns = new Route53DnsSwitch(new AmazonRoute53Client(), Timeout);

        await dns.SetPrimaryHeldUnhealthyAsync("hc-1", true, CancellationToken.None);
        Assert.Equal(2, _route53.HealthChecks["hc-1"]);
        await dns.SetPrimaryHeldUnhealthyAsync("hc-1", false, CancellationToken.None);

        Assert.Equal(1, _route53.HealthChecks["hc-1"]);
        Assert.Equal(("POST", "/2013-04-01/healthcheck/hc-1",
            """<?xml version="1.0" encoding="UTF-8"?><UpdateHealthCheckRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><HealthThreshold>2</HealthThreshold></UpdateHealthCheckRequest>"""),
            _route53.Requests[0]);
    }

    [Fact]
    public async Task Dns_on_an_unknown_health_check_fails_as_route53_does()
    {
        var dns = new Route53DnsSwitch(new AmazonRoute53Client(), Timeout);

        var error = await Assert.ThrowsAsync<Amazon.Route53.Model.NoSuchHealthCheckException>(
            () => dns.SetPrimaryHeldUnhealthyAsync("hc-2", true, CancellationToken.None));

        Assert.Equal("A health check with id hc-2 does not exist.", error.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(257)]
    public async Task A_health_threshold_outside_0_to_256_is_invalid_input_as_route53_says(int threshold)
    {
        _route53.HealthChecks["hc-1"] = 1;

        var error = await Assert.ThrowsAsync<AmazonRoute53Exception>(() => new AmazonRoute53Client().UpdateHealthCheckAsync(
            new Amazon.Route53.Model.UpdateHealthCheckRequest { HealthCheckId = "hc-1", HealthThreshold = threshold }));

        Assert.Equal(("InvalidInput", $"1 validation error detected: Value '{threshold}' at 'healthThreshold' failed to satisfy constraint: Member must be an integer from 0 to 256"),
            (error.ErrorCode, error.Message));
        Assert.Equal(1, _route53.HealthChecks["hc-1"]);
    }

    /// <summary>Records with list members compare by content.</summary>
    private sealed class StateComparer : IEqualityComparer<DbInstanceState?>
    {
        public bool Equals(DbInstanceState? x, DbInstanceState? y) =>
            x is not null && y is not null && (x with { Placement = null }) == (y with { Placement = null })
            && x.Placement?.KmsKeyId == y.Placement?.KmsKeyId && x.Placement?.SubnetGroupName == y.Placement?.SubnetGroupName
            && x.Placement?.ParameterGroupName == y.Placement?.ParameterGroupName
            && (x.Placement?.SecurityGroupIds ?? []).SequenceEqual(y.Placement?.SecurityGroupIds ?? []);

        public int GetHashCode(DbInstanceState? obj) => 0;
    }
}

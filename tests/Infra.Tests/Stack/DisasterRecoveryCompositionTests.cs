using System.Text.Json.Nodes;
using Infra.Tests.Support;

namespace Infra.Tests.StackComposition;

/// <summary>The production stack's DR region: replica, pilot light at zero tasks, promotion by config, DNS failover.</summary>
public sealed class DisasterRecoveryCompositionTests : IDisposable
{
    private const string EcsService = "aws:ecs/service:Service";
    private const string ScalingTarget = "aws:appautoscaling/target:Target";
    private const string TaskDefinition = "aws:ecs/taskDefinition:TaskDefinition";
    private const string DrProviderUrn = "urn:pulumi:production::infra::pulumi:providers:aws::aws-dr";
    private const string AlarmType = "aws:cloudwatch/metricAlarm:MetricAlarm";

    private readonly string _folder = Directory.CreateTempSubdirectory("dr-stack").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Task<ComponentPlan> ProductionAsync() => ComponentPlan.OfStackFileAsync(RepoPaths.StackFile("production"));

    private async Task<ComponentPlan> PromotedAsync()
    {
        var path = Path.Combine(_folder, "Pulumi.production.yaml");
        var text = await File.ReadAllTextAsync(RepoPaths.StackFile("production"));
        await File.WriteAllTextAsync(path, text.Replace("    promote: false", "    promote: true"));
        return await ComponentPlan.OfStackFileAsync(path);
    }

    [Fact]
    public async Task The_dr_network_load_balancer_and_services_run_through_the_dr_provider()
    {
        var plan = await ProductionAsync();

        Assert.Equal("eu-central-1", (string)plan.Inputs("pulumi:providers:aws", "aws-dr")["region"]!);
        foreach (var (type, name) in new[] { ("aws:ec2/vpc:Vpc", "dr-net-vpc"), ("aws:lb/loadBalancer:LoadBalancer", "dr-alb-alb"), (EcsService, "dr-web-blue") })
        {
            Assert.Equal(DrProviderUrn, (string)plan.Resource(type, name)["provider"]!);
        }
        Assert.Null(plan.Resource(EcsService, "web-blue")["provider"]);
    }

    [Fact]
    public async Task Until_promotion_the_pilot_light_runs_no_tasks()
    {
        var plan = await ProductionAsync();

        foreach (var service in new[] { "dr-web", "dr-api" })
        {
            foreach (var color in new[] { "blue", "green" })
            {
                Assert.Equal(0L, (long)plan.Inputs(EcsService, $"{service}-{color}")["desiredCount"]!);
                var scaling = plan.Inputs(ScalingTarget, $"{service}-{color}-scaling");
                Assert.Equal((0L, 0L), ((long)scaling["minCapacity"]!, (long)scaling["maxCapacity"]!));
            }
        }
    }

    [Fact]
    public async Task Promotion_scales_the_dr_services_up_and_makes_the_replica_a_writer_in_place()
    {
        var dormant = await ProductionAsync();
        var promoted = await PromotedAsync();

        Assert.Equal(3L, (long)promoted.Inputs(EcsService, "dr-web-blue")["desiredCount"]!);
        var scaling = promoted.Inputs(ScalingTarget, "dr-web-blue-scaling");
        Assert.Equal((3L, 12L), ((long)scaling["minCapacity"]!, (long)scaling["maxCapacity"]!));
        Assert.Equal(0L, (long)promoted.Inputs(EcsService, "dr-web-green")["desiredCount"]!);
        var replica = promoted.Inputs("aws:rds/instance:Instance", "db-dr-replica");
        Assert.False(replica.ContainsKey("replicateSourceDb"));
        // The journeys' DR canaries come with promotion (DrSyntheticsCompositionTests).
        Assert.Equal(dormant.Urns.Order(StringComparer.Ordinal).Where(u => !u.Contains("alarms-dr") && !u.Contains("alerting-dr")),
            promoted.Urns.Order(StringComparer.Ordinal).Where(u => !u.Contains("alarms-dr") && !u.Contains("alerting-dr") && !u.Contains("::dr-synthetics")));
    }

    [Fact]
    public async Task Promotion_keeps_the_dr_regions_alerting_and_service_alarms_and_trades_the_replica_lag_alarm_for_the_databases_own()
    {
        var dormant = await ProductionAsync();
        var promoted = await PromotedAsync();

        static IEnumerable<string> DrObservability(ComponentPlan plan) =>
            plan.Urns.Where(u => u.Contains("::alarms-dr") || u.Contains("::alerting-dr")).Order(StringComparer.Ordinal);
        static bool DatabaseOwn(string urn) =>
            new[] { "-dr-db-cpu-high", "-dr-db-free-storage-low", "-dr-db-connections-high", "-dr-db-connection-errors", "-DatabaseConnectionErrors" }
                .Any(end => urn.EndsWith(end, StringComparison.Ordinal));
        Assert.Contains(DrObservability(dormant), u => u.EndsWith("::alarms-dr-db-replica-lag", StringComparison.Ordinal));
        Assert.DoesNotContain(DrObservability(dormant), DatabaseOwn);
        // It also gains the sign-in journey's DR alarm (DrSyntheticsCompositionTests).
        static bool JourneyOwn(string urn) => urn.EndsWith("::alarms-dr-dr-journey-signin", StringComparison.Ordinal);
        Assert.Equal(DrObservability(dormant).Where(u => !u.EndsWith("::alarms-dr-db-replica-lag", StringComparison.Ordinal)),
            DrObservability(promoted).Where(u => !DatabaseOwn(u) && !JourneyOwn(u)));
        Assert.Single(DrObservability(promoted), JourneyOwn);
        // CPU, free storage, connections, connection errors, and the errors' log filter on each DR service's log group.
        Assert.Equal(4 + 2, DrObservability(promoted).Count(DatabaseOwn));
    }

    [Theory]
    [InlineData("production")]
    [InlineData("staging")]
    public async Task The_promoted_databases_alarms_read_the_dr_instance_and_notify_the_dr_regions_topics(string stack)
    {
        var path = Path.Combine(_folder, $"Pulumi.{stack}.yaml");
        var text = await File.ReadAllTextAsync(RepoPaths.StackFile(stack));
        await File.WriteAllTextAsync(path, text.Replace("  infra:dr:\n", "  infra:dr:\n    promote: true\n").Replace("    promote: false\n", ""));
        var plan = await ComponentPlan.OfStackFileAsync(path);

        var cpu = plan.Resource(AlarmType, "alarms-dr-dr-db-cpu-high");
        Assert.Equal(DrProviderUrn.Replace("production", stack), (string)cpu["provider"]!);
        Assert.Equal($"infra-{stack}-db-replica", (string)cpu["inputs"]!["dimensions"]!["DBInstanceIdentifier"]!);
        Assert.Equal(ComponentPlan.Token("aws:sns/topic:Topic", "alerting-dr-medium", "arn"), (string)cpu["inputs"]!["alarmActions"]![0]!);
        var errors = plan.Inputs(AlarmType, "alarms-dr-dr-db-connection-errors");
        Assert.Equal(ComponentPlan.Token("aws:sns/topic:Topic", "alerting-dr-critical", "arn"), (string)errors["alarmActions"]![0]!);
        // The DR service's log group: the primary's name, in the DR region.
        var filter = plan.Resource("aws:cloudwatch/logMetricFilter:LogMetricFilter", "alarms-dr-web-DatabaseConnectionErrors");
        Assert.Equal(($"/ecs/infra-{stack}/web", DrProviderUrn.Replace("production", stack)), ((string)filter["inputs"]!["logGroupName"]!, (string)filter["provider"]!));
    }

    [Fact]
    public async Task Services_find_the_database_the_primary_region_at_the_primary_and_the_pilot_light_at_the_replica()
    {
        var plan = await ProductionAsync();

        Assert.Equal(ComponentPlan.Token("aws:rds/instance:Instance", "db-primary", "address"), DatabaseHost(plan, "web-blue-taskdef"));
        Assert.Equal(ComponentPlan.Token("aws:rds/instance:Instance", "db-dr-replica", "address"), DatabaseHost(plan, "dr-web-blue-taskdef"));
    }

    [Fact]
    public async Task The_pilot_light_serves_https_with_the_dr_regions_certificate()
    {
        var plan = await ProductionAsync();

        Assert.Equal("arn:aws:acm:eu-central-1:123456789012:certificate/7a6b5c4d-3e2f-1a0b-9c8d-7e6f5a4b3c2d",
            (string)plan.Inputs("aws:lb/listener:Listener", "dr-alb-https")["certificateArn"]!);
        Assert.Equal($"https://{ComponentPlan.Token("aws:lb/loadBalancer:LoadBalancer", "dr-alb-alb", "dnsName")}", (string)plan.Outputs["drUrl"]!);
    }

    [Fact]
    public async Task Dns_failover_points_at_both_load_balancers()
    {
        var plan = await ProductionAsync();

        Assert.Equal(ComponentPlan.Token("aws:lb/loadBalancer:LoadBalancer", "alb-alb", "dnsName"),
            (string)plan.Inputs("aws:route53/record:Record", "dns-primary")["aliases"]![0]!["name"]!);
        Assert.Equal(ComponentPlan.Token("aws:lb/loadBalancer:LoadBalancer", "dr-alb-alb", "dnsName"),
            (string)plan.Inputs("aws:route53/record:Record", "dns-secondary")["aliases"]![0]!["name"]!);
    }

    [Fact]
    public async Task The_dr_output_names_the_primary_records_gate_and_each_regions_cluster_and_ecs_services()
    {
        var plan = await ProductionAsync();

        var dr = plan.Outputs["dr"]!;
        Assert.Equal(ComponentPlan.Token("aws:route53/healthCheck:HealthCheck", "dns-primary-gate", "id"), (string)dr["healthCheckId"]!);
        Assert.Equal(("infra-production", "infra-production"), ((string)dr["primary"]!["clusterName"]!, (string)dr["dr"]!["clusterName"]!));
        Assert.Equal(("infra-production-web-blue", "infra-production-web-green"),
            ((string)dr["dr"]!["services"]!["web"]!["blue"]!, (string)dr["dr"]!["services"]!["web"]!["green"]!));
    }

    /// <summary>The DR commands page through the DR region's critical topic: the primary region, and its topics, may be gone.</summary>
    [Fact]
    public async Task The_dr_output_names_the_dr_regions_critical_topic()
    {
        var plan = await ProductionAsync();

        Assert.Equal(ComponentPlan.Token("aws:sns/topic:Topic", "alerting-dr-critical", "arn"), (string)plan.Outputs["dr"]!["criticalTopicArn"]!);
    }

    [Fact]
    public async Task The_database_output_names_primary_replica_and_secret_without_any_password()
    {
        var plan = await ProductionAsync();

        var database = plan.Outputs["database"]!;
        Assert.Equal(("infra-production-db", "eu-west-1"), ((string)database["primary"]!["identifier"]!, (string)database["primary"]!["region"]!));
        Assert.Equal("eu-central-1", (string)database["replica"]!["region"]!);
        Assert.Equal(ComponentPlan.Token("aws:secretsmanager/secret:Secret", "db-secret", "arn"), (string)database["secretArn"]!);
    }

    [Fact]
    public async Task No_secret_value_appears_anywhere_in_the_plan()
    {
        var plan = await ProductionAsync();

        var json = plan.Document.ToJsonString();
        Assert.DoesNotContain(ComponentPlan.Token("random:index/randomPassword:RandomPassword", "db-master-password", "result"), json);
        Assert.DoesNotContain("[secret from the stack file]", json);
        Assert.Equal("[secret]", (string)plan.Inputs("aws:rds/instance:Instance", "db-primary")["password"]!);
    }

    private static string DatabaseHost(ComponentPlan plan, string taskDefinition)
    {
        var container = JsonNode.Parse((string)plan.Inputs(TaskDefinition, taskDefinition)["containerDefinitions"]!)![0]!;
        return (string)container["environment"]!.AsArray().Single(e => (string)e!["name"]! == "DATABASE_HOST")!["value"]!;
    }
}

using System.Text.Json.Nodes;
using Infra.Tests.Support;

namespace Infra.Tests.StackComposition;

/// <summary>
/// Both example stacks' DR region starts its services with nothing from the primary region: image copies and secret
/// replicas in the DR region, alarms of its own there, and one alerting path without a second e-mail subscription.
/// </summary>
public sealed class StandaloneDrRegionTests
{
    private const string TaskDefinition = "aws:ecs/taskDefinition:TaskDefinition";
    private const string RolePolicy = "aws:iam/rolePolicy:RolePolicy";
    private const string Alarm = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private const string Replication = "aws:ecr/replicationConfiguration:ReplicationConfiguration";
    private const string Subscription = "aws:sns/topicSubscription:TopicSubscription";
    private const string DrProvider = "::pulumi:providers:aws::aws-dr";

    private static Task<ComponentPlan> PlanOfAsync(string stack) => ComponentPlan.OfStackFileAsync(RepoPaths.StackFile(stack));

    [Fact]
    public async Task Production_replicates_the_services_repositories_to_the_dr_region_and_staging_in_the_same_account_leaves_it_to_production()
    {
        var production = await PlanOfAsync("production");
        var staging = await PlanOfAsync("staging");

        var rule = production.Inputs(Replication, "registry-replication-rules")["replicationConfiguration"]!["rules"]![0]!;
        Assert.Equal(("eu-central-1", "123456789012"), ((string)rule["destinations"]![0]!["region"]!, (string)rule["destinations"]![0]!["registryId"]!));
        Assert.Equal(["web", "api"], rule["repositoryFilters"]!.AsArray().Select(f => (string)f!["filter"]!));
        Assert.Empty(staging.OfType(Replication));
    }

    [Theory]
    [InlineData("production")]
    [InlineData("staging")]
    public async Task Dr_task_definitions_run_the_dr_regions_copy_of_each_image_and_read_each_secret_from_its_dr_replica(string stack)
    {
        var plan = await PlanOfAsync(stack);

        foreach (var service in new[] { "web", "api" })
        {
            foreach (var color in new[] { "blue", "green" })
            {
                var primary = Container(plan, $"{service}-{color}-taskdef");
                var dr = Container(plan, $"dr-{service}-{color}-taskdef");
                Assert.StartsWith("123456789012.dkr.ecr.eu-west-1.amazonaws.com/", (string)primary["image"]!);
                Assert.Equal(((string)primary["image"]!).Replace(".eu-west-1.", ".eu-central-1."), (string)dr["image"]!);
                var primarySecret = (string)primary["secrets"]![0]!["valueFrom"]!;
                Assert.StartsWith("arn:aws:secretsmanager:eu-west-1:", primarySecret);
                Assert.Equal(primarySecret.Replace(":eu-west-1:", ":eu-central-1:"), (string)dr["secrets"]![0]!["valueFrom"]!);
            }
            var drPolicy = (string)plan.Inputs(RolePolicy, $"dr-{service}-execution-policy")["policy"]!;
            Assert.Contains($"arn:aws:ecr:eu-central-1:123456789012:repository/{service}", drPolicy);
            Assert.Contains($"arn:aws:secretsmanager:eu-central-1:123456789012:secret:{stack}/{service}/db-", drPolicy);
            Assert.DoesNotContain("eu-west-1", drPolicy);
        }
    }

    [Fact]
    public async Task The_stacks_own_secrets_have_replicas_in_the_dr_region()
    {
        var plan = await PlanOfAsync("production");

        Assert.Equal(("eu-central-1", ComponentPlan.Token("aws:kms/key:Key", "db-dr-key", "arn")),
            Replica(plan, "db-secret"));
        Assert.Equal("eu-central-1", (string)plan.Inputs("aws:secretsmanager/secret:Secret", "preview-secret")["replicas"]![0]!["region"]!);
    }

    [Fact]
    public async Task The_pilot_lights_services_have_alarms_of_their_own_in_the_dr_region_notifying_its_topics()
    {
        var plan = await PlanOfAsync("production");

        var drAlarms = plan.OfType(Alarm).Where(a => ((string)a["name"]!).StartsWith("alarms-dr-", StringComparison.Ordinal)).ToList();
        foreach (var name in new[] { "web-error-rate", "web-blue-error-rate", "api-green-unhealthy-hosts", "api-running-tasks-low", "alb-elb-5xx" })
            Assert.Contains(drAlarms, a => (string)a["inputs"]!["name"]! == $"infra-production-dr-{name}");
        foreach (var alarm in drAlarms)
        {
            Assert.EndsWith(DrProvider, (string)alarm["provider"]!);
            var json = alarm["inputs"]!.ToJsonString();
            Assert.DoesNotContain("::alb-", json);
            Assert.DoesNotContain("::alerting-critical", json);
            Assert.All(alarm["inputs"]!["alarmActions"]?.AsArray() ?? [], topic => Assert.StartsWith("${aws:sns/topic:Topic::alerting-dr-", (string)topic!));
        }
        // The pilot light's composite alarms notify for their quiet members, on the DR region's topics.
        var composite = plan.Resource("aws:cloudwatch/compositeAlarm:CompositeAlarm", "alarms-dr-dr-web-unhealthy-high");
        Assert.EndsWith(DrProvider, (string)composite["provider"]!);
        Assert.Equal(["${aws:sns/topic:Topic::alerting-dr-high.arn}"], composite["inputs"]!["alarmActions"]!.AsArray().Select(t => (string)t!));
        Assert.Contains("ALARM(\"infra-production-dr-web-blue-error-rate\")", (string)composite["inputs"]!["alarmRule"]!);
        var gate = plan.Inputs(Alarm, "alarms-dr-dr-web-blue-error-rate")["metricQueries"]![0]!["metric"]!["dimensions"]!;
        Assert.Equal((ComponentPlan.Token("aws:lb/loadBalancer:LoadBalancer", "dr-alb-alb", "arnSuffix"), ComponentPlan.Token("aws:lb/targetGroup:TargetGroup", "dr-alb-web-tg-blue", "arnSuffix")),
            ((string)gate["LoadBalancer"]!, (string)gate["TargetGroup"]!));
    }

    [Fact]
    public async Task Each_address_is_subscribed_once_and_each_region_has_one_slack_relay()
    {
        var plan = await PlanOfAsync("production");

        var emails = plan.OfType(Subscription).Where(s => (string)s["inputs"]!["protocol"]! == "email").ToList();
        Assert.Equal(["alerting-critical-email-oncall@example.com", "alerting-high-email-oncall@example.com", "alerting-high-email-platform@example.com"],
            emails.Select(s => (string)s["name"]!).Order(StringComparer.Ordinal));
        var relays = plan.OfType("aws:lambda/function:Function").Where(f => ((string)f["name"]!).EndsWith("slack-relay-function", StringComparison.Ordinal)).ToList();
        Assert.Equal(["alerting-dr-slack-relay-function", "alerting-slack-relay-function"], relays.Select(r => (string)r["name"]!).Order(StringComparer.Ordinal));
    }

    private static JsonNode Container(ComponentPlan plan, string taskDefinition) =>
        JsonNode.Parse((string)plan.Inputs(TaskDefinition, taskDefinition)["containerDefinitions"]!)![0]!;

    private static (string Region, string Key) Replica(ComponentPlan plan, string secret)
    {
        var replica = plan.Inputs("aws:secretsmanager/secret:Secret", secret)["replicas"]![0]!;
        return ((string)replica["region"]!, (string)replica["kmsKeyId"]!);
    }
}

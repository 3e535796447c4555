using System.Text.Json.Nodes;
using Infra.Tests.Support;

namespace Infra.Tests.StackComposition;

public sealed class InfraStackTests
{
    private const string Listener = "aws:lb/listener:Listener";
    private const string Rule = "aws:lb/listenerRule:ListenerRule";

    private static Task<ComponentPlan> PlanAsync(string stack) => ComponentPlan.OfStackFileAsync(RepoPaths.StackFile(stack));

    [Fact]
    public async Task Production_exports_https_urls_the_cluster_and_the_load_balancer_suffix()
    {
        var plan = await PlanAsync("production");

        var dns = ComponentPlan.Token("aws:lb/loadBalancer:LoadBalancer", "alb-alb", "dnsName");
        Assert.Equal($"https://{dns}", (string)plan.Outputs["url"]!);
        Assert.Equal($"https://{dns}:8443", (string)plan.Outputs["testUrl"]!);
        Assert.Equal("infra-production", (string)plan.Outputs["clusterName"]!);
        Assert.Equal(ComponentPlan.Token("aws:lb/loadBalancer:LoadBalancer", "alb-alb", "arnSuffix"), (string)plan.Outputs["albArnSuffix"]!);
    }

    [Fact]
    public async Task Staging_without_a_certificate_exports_http_urls()
    {
        var plan = await PlanAsync("staging");

        Assert.StartsWith("http://", (string)plan.Outputs["url"]!);
        Assert.EndsWith(":8443", (string)plan.Outputs["testUrl"]!);
    }

    [Fact]
    public async Task Each_service_exports_the_resource_that_carries_its_weights()
    {
        var plan = await PlanAsync("production");

        var services = plan.Outputs["services"]!;
        Assert.Equal([plan.Urn(Listener, "alb-https")], Strings(services["web"]!["trafficUrns"]!));
        Assert.Equal([plan.Urn(Rule, "alb-api-rule")], Strings(services["api"]!["trafficUrns"]!));
        Assert.Equal(plan.Urn(Listener, "alb-test"), (string)services["web"]!["testRouteUrn"]!);
        Assert.Equal(plan.Urn(Rule, "alb-api-test-rule"), (string)services["api"]!["testRouteUrn"]!);
        Assert.Equal("api.example.com", (string)services["api"]!["host"]!);
    }

    [Fact]
    public async Task Each_service_exports_its_weights_carrier_and_target_groups_by_arn_for_a_direct_switch()
    {
        var plan = await PlanAsync("production");

        var services = plan.Outputs["services"]!;
        Assert.Equal(("listener", ComponentPlan.Token(Listener, "alb-https", "arn")),
            ((string)services["web"]!["trafficRoute"]!["kind"]!, (string)services["web"]!["trafficRoute"]!["arn"]!));
        Assert.Equal(("rule", ComponentPlan.Token(Rule, "alb-api-rule", "arn")),
            ((string)services["api"]!["trafficRoute"]!["kind"]!, (string)services["api"]!["trafficRoute"]!["arn"]!));
        Assert.Equal(ComponentPlan.Token("aws:lb/targetGroup:TargetGroup", "alb-api-tg-blue", "arn"), (string)services["api"]!["blue"]!["targetGroupArn"]!);
        Assert.Equal(ComponentPlan.Token("aws:lb/targetGroup:TargetGroup", "alb-api-tg-green", "arn"), (string)services["api"]!["green"]!["targetGroupArn"]!);
    }

    [Fact]
    public async Task Each_service_exports_its_live_color_weights_and_per_color_resources()
    {
        var plan = await PlanAsync("production");

        var api = plan.Outputs["services"]!["api"]!;
        Assert.Equal("green", (string)api["liveColor"]!);
        Assert.Equal((0L, 100L), ((long)api["weights"]!["blue"]!, (long)api["weights"]!["green"]!));
        Assert.Equal((string)plan.Outputs["testUrl"]!, (string)api["testUrl"]!);
        var blue = api["blue"]!;
        Assert.Equal("infra-production-api-blue", (string)blue["serviceName"]!);
        Assert.Equal(plan.Urn("aws:ecs/service:Service", "api-blue"), (string)blue["serviceUrn"]!);
        Assert.Equal(plan.Urn("aws:ecs/taskDefinition:TaskDefinition", "api-blue-taskdef"), (string)blue["taskDefinitionUrn"]!);
        Assert.Equal(plan.Urn("aws:appautoscaling/target:Target", "api-blue-scaling"), (string)blue["scalingTargetUrn"]!);
        Assert.Equal(ComponentPlan.Token("aws:lb/targetGroup:TargetGroup", "alb-api-tg-blue", "arnSuffix"), (string)blue["targetGroupArnSuffix"]!);
    }

    [Fact]
    public async Task Services_wait_for_the_listener_that_attaches_their_target_groups()
    {
        var plan = await PlanAsync("production");

        Assert.Equal([plan.Urn(Rule, "alb-api-rule")], Strings(plan.Resource("aws:ecs/service:Service", "api-green")["dependsOn"]!));
        Assert.Equal([plan.Urn(Listener, "alb-https")], Strings(plan.Resource("aws:ecs/service:Service", "web-blue")["dependsOn"]!));
    }

    [Fact]
    public async Task The_services_are_wired_to_the_network_and_the_load_balancer()
    {
        var plan = await PlanAsync("production");

        var service = plan.Inputs("aws:ecs/service:Service", "web-green");
        Assert.Equal(ComponentPlan.Token("aws:lb/targetGroup:TargetGroup", "alb-web-tg-green", "arn"), (string)service["loadBalancers"]![0]!["targetGroupArn"]!);
        Assert.Equal(ComponentPlan.Token("aws:ec2/securityGroup:SecurityGroup", "net-tasks-sg", "id"), (string)service["networkConfiguration"]!["securityGroups"]![0]!);
        Assert.Equal(ComponentPlan.Token("aws:ec2/subnet:Subnet", "net-private-c", "id"), (string)service["networkConfiguration"]!["subnets"]![2]!);
        Assert.Equal(ComponentPlan.Token("aws:ecs/cluster:Cluster", "ecs-cluster", "arn"), (string)service["cluster"]!);
        Assert.Equal(ComponentPlan.Token("aws:ec2/subnet:Subnet", "net-public-a", "id"),
            (string)plan.Inputs("aws:lb/loadBalancer:LoadBalancer", "alb-alb")["subnets"]![0]!);
    }

    [Theory]
    [InlineData("staging", "eu-central-1")]
    [InlineData("production", "eu-central-1")]
    public async Task The_stack_exports_where_its_release_ledger_is(string stack, string replicaRegion)
    {
        var plan = await PlanAsync(stack);

        var ledger = plan.Outputs["ledger"]!;
        Assert.Equal($"infra-{stack}-releases", (string)ledger["tableName"]!);
        Assert.Equal(ComponentPlan.Token("aws:dynamodb/table:Table", "ledger-table", "arn"), (string)ledger["tableArn"]!);
        Assert.Equal("eu-west-1", (string)ledger["region"]!);
        Assert.Equal(replicaRegion, (string)ledger["replicaRegion"]!);
    }

    [Fact]
    public async Task No_role_or_policy_of_the_stack_but_the_release_guards_grants_access_to_the_release_ledger()
    {
        var plan = await PlanAsync("production");

        // Operators and the runner read the ledger with their own credentials; the services never do. The release
        // guard's role alone may, on this stack's items only (its tests check how).
        var grants = plan.Resources.Where(r => ((string)r["type"]!).StartsWith("aws:iam/", StringComparison.Ordinal)).ToList();
        var withLedger = grants.Where(r => r["inputs"]!.ToJsonString().Contains("dynamodb", StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(grants);
        Assert.Equal(["release-guard-permissions"], withLedger.Select(r => (string)r["name"]!));
    }

    private static List<string> Strings(JsonNode array) => array.AsArray().Select(n => (string)n!).ToList();
}

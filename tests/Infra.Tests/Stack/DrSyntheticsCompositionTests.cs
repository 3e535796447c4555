using System.Text.Json.Nodes;
using Infra.Runner.Plan;
using Infra.Stacks.Loading;
using Infra.Tests.Support;

namespace Infra.Tests.StackComposition;

/// <summary>
/// The example stacks' journeys once the ledger says <c>drPromoted: true</c>: each also runs in the DR region against
/// what users reach after failover, with its alarm in the DR region's catalog and on the dashboard; until then the DR
/// region has none of it.
/// </summary>
public sealed class DrSyntheticsCompositionTests
{
    private const string Canary = "aws:synthetics/canary:Canary";
    private const string Alarm = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private const string DrProvider = "::pulumi:providers:aws::aws-dr";

    private static async Task<ComponentPlan> PlanAsync(string stack, bool promoted) =>
        ComponentPlan.Of(await PlanBuilder.BuildAsync(RepoPaths.StackFile(stack),
            release: promoted ? new FailoverFenceCompositionTests.PromotedLedger() : null));

    [Fact]
    public async Task Promoted_production_runs_the_signin_journey_in_the_dr_region_from_the_api_host_alarming_to_the_dr_topics()
    {
        var plan = await PlanAsync("production", promoted: true);

        var canary = plan.Resource(Canary, "dr-synthetics-signin");
        Assert.EndsWith(DrProvider, (string)canary["provider"]!);
        var inputs = canary["inputs"]!;
        Assert.Equal("production-dr-signin", (string)inputs["name"]!);
        // The api service has a host: the name users type, which public DNS sends to whichever region serves.
        Assert.Equal("https://api.example.com", (string)inputs["runConfig"]!["environmentVariables"]!["JOURNEY_ORIGIN"]!);
        Assert.Equal(ComponentPlan.Token("aws:s3/bucket:Bucket", "dr-synthetics-artifacts", "id"), (string)inputs["s3Bucket"]!);
        Assert.EndsWith(DrProvider, (string)plan.Resource("aws:s3/bucket:Bucket", "dr-synthetics-artifacts")["provider"]!);
        Assert.Equal("production-signin", (string)plan.Inputs(Canary, "synthetics-signin")["name"]!);
        Assert.False((bool)plan.Inputs("aws:s3/bucket:Bucket", "synthetics-artifacts")["forceDestroy"]!);

        var alarm = plan.Resource(Alarm, "alarms-dr-dr-journey-signin");
        Assert.EndsWith(DrProvider, (string)alarm["provider"]!);
        Assert.Equal(("infra-production-dr-journey-signin", "production-dr-signin"),
            ((string)alarm["inputs"]!["name"]!, (string)alarm["inputs"]!["dimensions"]!["CanaryName"]!));
        Assert.Equal([ComponentPlan.Token("aws:sns/topic:Topic", "alerting-dr-high", "arn")],
            alarm["inputs"]!["alarmActions"]!.AsArray().Select(t => (string)t!));

        // The primary's journey gates api's rollouts; the DR region's gates nothing.
        var gates = plan.Outputs["services"]!["api"]!["green"]!["gateAlarmNames"]!.AsArray().Select(n => (string)n!).ToList();
        Assert.Contains("infra-production-journey-signin", gates);
        Assert.DoesNotContain("infra-production-dr-journey-signin", gates);
        Assert.DoesNotContain("infra-production-dr-journey-signin",
            plan.Outputs["alarmNamesBySeverity"]!["high"]!.AsArray().Select(n => (string)n!));

        var dashboard = JsonNode.Parse((string)plan.Inputs("aws:cloudwatch/dashboard:Dashboard", "dashboards-main")["dashboardBody"]!)!;
        var graph = Assert.Single(dashboard["widgets"]!.AsArray(), w => (string?)w!["properties"]!["title"] == "infra-production-dr-journey-signin")!;
        Assert.Equal("eu-central-1", (string)graph["properties"]!["region"]!);
    }

    [Fact]
    public async Task Promoted_staging_runs_its_hostless_journey_against_the_pilot_lights_load_balancer()
    {
        var plan = await PlanAsync("staging", promoted: true);

        var inputs = plan.Inputs(Canary, "dr-synthetics-home");
        Assert.Equal("staging-dr-home", (string)inputs["name"]!);
        // Staging has no dr.dns: operators point clients at drUrl, the DR load balancer.
        Assert.Equal($"http://{ComponentPlan.Token("aws:lb/loadBalancer:LoadBalancer", "dr-alb-alb", "dnsName")}",
            (string)inputs["runConfig"]!["environmentVariables"]!["JOURNEY_ORIGIN"]!);
    }

    [Theory]
    [InlineData("production")]
    [InlineData("staging")]
    public async Task Until_promoted_the_dr_region_has_no_canary_and_no_journey_alarm(string stack)
    {
        var plan = await PlanAsync(stack, promoted: false);

        Assert.DoesNotContain(plan.Urns, urn => urn.Contains("::dr-synthetics", StringComparison.Ordinal));
        Assert.DoesNotContain(plan.OfType(Alarm), a => ((string)a["name"]!).StartsWith("alarms-dr-dr-journey-", StringComparison.Ordinal));
        Assert.Single(plan.OfType(Canary));
    }

    [Fact]
    public void A_hostless_service_starts_from_the_dns_failover_name_when_the_stack_has_one()
    {
        var settings = StackSettingsLoader.FromFile(RepoPaths.StackFile("staging")).GetValidOrThrow();
        var web = settings.Services.Single(s => s.Name == "web");
        var api = settings.Services.Single(s => s.Name == "api");
        var withDns = settings with { Dr = settings.Dr with { Dns = new("Z0123456789ABCDEFGHIJ", "app.staging.example.com") } };

        Assert.Equal("http://app.staging.example.com", JourneyOrigins.FailoverNameOrigin(withDns, web, hasPilotLight: true));
        Assert.Null(JourneyOrigins.FailoverNameOrigin(withDns, api, hasPilotLight: true));
        Assert.Null(JourneyOrigins.FailoverNameOrigin(settings, web, hasPilotLight: true));
        Assert.Null(JourneyOrigins.FailoverNameOrigin(withDns, web, hasPilotLight: false));
    }
}

using System.Text.Json.Nodes;
using Infra.Stacks.Settings;
using Infra.Tests.Support;
using static Infra.Tests.Components.Traffic.AlbPlan;

namespace Infra.Tests.Components.Traffic;

/// <summary>The preview rules: a request with the secret header on the production listener reaches its service's idle color.</summary>
public sealed class PreviewRouteTests
{
    private static List<(string Arn, long Weight)> ForwardTargets(JsonObject rule) =>
        AlbPlan.ForwardTargets(Assert.Single(rule["actions"]!.AsArray())!);

    private static JsonNode HeaderCondition(JsonObject rule) =>
        rule["conditions"]!.AsArray().Single(c => c!["httpHeader"] is not null)!["httpHeader"]!;

    [Fact]
    public async Task A_rule_service_gets_a_preview_rule_on_the_production_listener_with_its_host_and_the_header_before_its_own_rule()
    {
        var plan = await AlbPlan.RunAsync(TrafficStacks.Production);

        var preview = plan.Inputs(Rule, "alb-api-preview-rule");
        Assert.Equal(ComponentPlan.Token(Listener, "alb-https", "arn"), (string)preview["listenerArn"]!);
        Assert.Equal(5L, (long)preview["priority"]!);
        Assert.Equal(10L, (long)plan.Inputs(Rule, "alb-api-rule")["priority"]!);
        var conditions = preview["conditions"]!.AsArray();
        Assert.Equal(2, conditions.Count);
        Assert.Equal("api.example.com", (string)conditions[0]!["hostHeader"]!["values"]![0]!);
        Assert.Equal("X-Infra-Preview", (string)HeaderCondition(preview)["httpHeaderName"]!);
    }

    [Fact]
    public async Task The_default_services_preview_rule_has_only_the_header_and_comes_after_every_other_rule()
    {
        var plan = await AlbPlan.RunAsync(TrafficStacks.Production);

        var preview = plan.Inputs(Rule, "alb-web-preview-rule");
        Assert.Equal(ComponentPlan.Token(Listener, "alb-https", "arn"), (string)preview["listenerArn"]!);
        Assert.Equal(50000L, (long)preview["priority"]!);
        var condition = Assert.Single(preview["conditions"]!.AsArray())!;
        Assert.Equal("X-Infra-Preview", (string)condition["httpHeader"]!["httpHeaderName"]!);
        Assert.All(plan.OfType(Rule).Where(r => (string)r["name"]! != "alb-web-preview-rule"),
            r => Assert.True((long)r["inputs"]!["priority"]! < 50000));
    }

    [Fact]
    public async Task Each_preview_rule_forwards_all_requests_to_its_services_idle_color()
    {
        var plan = await AlbPlan.RunAsync(TrafficStacks.Production);

        // Production: web is live on blue, api is live on green.
        Assert.Equal([(Arn("alb-web-tg-green"), 100L)], ForwardTargets(plan.Inputs(Rule, "alb-web-preview-rule")));
        Assert.Equal([(Arn("alb-api-tg-blue"), 100L)], ForwardTargets(plan.Inputs(Rule, "alb-api-preview-rule")));
    }

    [Fact]
    public async Task The_preview_rule_follows_the_live_color()
    {
        var settings = TrafficStacks.Production with
        {
            Services = TrafficStacks.Production.Services
                .Select(s => s.Name == "web" ? s with { LiveColor = Color.Green, Weights = new ColorPair<int>(0, 100) } : s).ToValueList(),
        };

        var plan = await AlbPlan.RunAsync(settings);

        Assert.Equal([(Arn("alb-web-tg-blue"), 100L)], ForwardTargets(plan.Inputs(Rule, "alb-web-preview-rule")));
    }

    [Fact]
    public async Task The_header_value_is_the_secret_and_never_appears_in_the_plan()
    {
        var plan = await AlbPlan.RunAsync(TrafficStacks.Production);

        Assert.Equal("[secret]", (string)HeaderCondition(plan.Inputs(Rule, "alb-api-preview-rule"))["values"]!);
        Assert.Equal("[secret]", (string)HeaderCondition(plan.Inputs(Rule, "alb-web-preview-rule"))["values"]!);
        Assert.DoesNotContain(PreviewValue, plan.Document.ToJsonString());
    }

    [Fact]
    public async Task The_header_name_comes_from_the_settings()
    {
        var settings = TrafficStacks.StagingWith([
            "infra:loadBalancer:",
            "  previewHeader: X-Canary-Key",
            .. TrafficStacks.WebService(),
        ]);

        var plan = await AlbPlan.RunAsync(settings);

        Assert.Equal("X-Canary-Key", (string)HeaderCondition(plan.Inputs(Rule, "alb-web-preview-rule"))["httpHeaderName"]!);
        Assert.Equal(ComponentPlan.Token(Listener, "alb-http", "arn"), (string)plan.Inputs(Rule, "alb-web-preview-rule")["listenerArn"]!);
    }
}

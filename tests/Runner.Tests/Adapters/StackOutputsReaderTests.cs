using System.Text.Json.Nodes;
using Infra.Runner.Adapters;
using Infra.Runner.Rollout;

namespace Runner.Tests.Adapters;

public class StackOutputsReaderTests
{
    public static JsonObject Outputs(params string[] services) => new()
    {
        ["environment"] = "staging",
        ["albArnSuffix"] = "app/infra-staging/50dc6c495c0c9188",
        ["services"] = new JsonObject(services.Select(name => KeyValuePair.Create(name, (JsonNode?)new JsonObject
        {
            ["liveColor"] = "green",
            ["weights"] = new JsonObject { ["blue"] = 10, ["green"] = 90 },
            ["trafficUrns"] = new JsonArray($"urn:{name}:listener-rule"),
            ["testUrl"] = $"http://127.0.0.1:8443/{name}",
            ["testRouteUrn"] = $"urn:{name}:test-rule",
            ["criticalAlarmNames"] = new JsonArray($"{name}-error-rate"),
            ["healthCheckPath"] = $"/{name}/healthz",
            ["desiredCount"] = 3,
            ["blue"] = Color(name, "blue"),
            ["green"] = Color(name, "green"),
        }))),
    };

    [Fact]
    public void Maps_each_service_to_the_engine_outputs()
    {
        var outputs = StackOutputsReader.Read(Outputs("web", "api"));

        var web = outputs.For("web");
        Assert.Equal(["urn:web:listener-rule"], web.TrafficUrns);
        Assert.Equal("http://127.0.0.1:8443/web", web.TestUrl);
        Assert.Equal(["web-error-rate"], web.CriticalAlarmNames);
        Assert.Equal(
            ("urn:web:green-taskdef", "urn:web:green-service", "urn:web:green-scaling"),
            (web.Green.TaskDefinitionUrn, web.Green.ServiceUrn, web.Green.ScalingTargetUrn));
        Assert.Equal(["web-green-5xx"], web.Green.GateAlarmNames);
        Assert.Equal(("urn:web:blue-service", "urn:web:blue-scaling"), (web.Blue.ServiceUrn, web.Blue.ScalingTargetUrn));
        Assert.Equal("urn:web:test-rule", web.TestRouteUrn);
        Assert.Equal((DeployColor.Green, new TrafficWeights(10, 90)), (web.LiveColor, web.Weights));
        Assert.Equal(["api", "web"], outputs.Services.Keys.Order());
        Assert.Equal(("/web/healthz", null, null), (web.HealthCheckPath, web.Host, web.PathPattern));
        Assert.Equal(3, web.DesiredCount);
        Assert.Equal(new TargetGroupRef("app/infra-staging/50dc6c495c0c9188", "targetgroup/web-tg-green/73e2d6bc24d8a067"), outputs.TargetGroup("web", DeployColor.Green));
    }

    [Fact]
    public void Reads_the_host_and_path_pattern_a_smoke_request_must_match()
    {
        var json = Outputs("web", "api");
        json["services"]!["web"]!["pathPattern"] = "/web/*";
        json["services"]!["api"]!["host"] = "api.example.com";

        var outputs = StackOutputsReader.Read(json);

        Assert.Equal((null, "/web/*"), (outputs.For("web").Host, outputs.For("web").PathPattern));
        Assert.Equal(("api.example.com", null), (outputs.For("api").Host, outputs.For("api").PathPattern));
    }

    [Fact]
    public void Reads_the_weights_carrier_and_both_target_groups_a_direct_switch_changes()
    {
        var json = Outputs("web");
        var web = json["services"]!["web"]!.AsObject();
        web["trafficRoute"] = new JsonObject { ["kind"] = "rule", ["arn"] = "arn:aws:elasticloadbalancing:eu-west-1:1:listener-rule/app/a/b/c/d" };
        web["blue"]!["targetGroupArn"] = "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/web-tg-blue/73e2d6bc24d8a067";
        web["green"]!["targetGroupArn"] = "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/web-tg-green/73e2d6bc24d8a067";

        var route = StackOutputsReader.Read(json).For("web").Route;

        Assert.Equal(new TrafficRoute(TrafficRouteKind.Rule, "arn:aws:elasticloadbalancing:eu-west-1:1:listener-rule/app/a/b/c/d",
            "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/web-tg-blue/73e2d6bc24d8a067",
            "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/web-tg-green/73e2d6bc24d8a067"), route);
    }

    [Fact]
    public void A_stack_updated_before_the_route_outputs_existed_has_no_route_and_still_reads()
    {
        Assert.Null(StackOutputsReader.Read(Outputs("web")).For("web").Route);
    }

    [Fact]
    public void A_route_kind_other_than_listener_or_rule_names_its_output_path()
    {
        var json = Outputs("web");
        json["services"]!["web"]!["trafficRoute"] = new JsonObject { ["kind"] = "target-group", ["arn"] = "arn:x" };

        var error = Assert.Throws<RolloutInputException>(() => StackOutputsReader.Read(json));

        Assert.Equal("the stack output services.web.trafficRoute.kind is missing or of the wrong type; is the stack up to date with the program?", error.Message);
    }

    [Fact]
    public void A_stack_without_the_services_output_is_an_input_error()
    {
        var error = Assert.Throws<RolloutInputException>(() => StackOutputsReader.Read(new JsonObject { ["environment"] = "staging" }));

        Assert.Equal("the stack has no 'services' output; run a full update of the stack before using the runner", error.Message);
    }

    [Fact]
    public void A_missing_field_names_its_output_path()
    {
        var outputs = Outputs("web");
        outputs["services"]!["web"]!["green"]!.AsObject().Remove("gateAlarmNames");

        var error = Assert.Throws<RolloutInputException>(() => StackOutputsReader.Read(outputs));

        Assert.Equal("the stack output services.web.green.gateAlarmNames is missing or of the wrong type; is the stack up to date with the program?", error.Message);
    }

    [Theory]
    [InlineData("scalingTargetUrn", "services.web.blue.scalingTargetUrn")]
    [InlineData("testRouteUrn", "services.web.testRouteUrn")]
    [InlineData("weights", "services.web.weights")]
    [InlineData("desiredCount", "services.web.desiredCount")]
    public void The_scaling_target_test_route_deployed_weights_and_desired_count_are_required(string key, string path)
    {
        var outputs = Outputs("web");
        var service = outputs["services"]!["web"]!.AsObject();
        (key is "scalingTargetUrn" ? service["blue"]!.AsObject() : service).Remove(key);

        var error = Assert.Throws<RolloutInputException>(() => StackOutputsReader.Read(outputs));

        Assert.Equal($"the stack output {path} is missing or of the wrong type; is the stack up to date with the program?", error.Message);
    }

    [Fact]
    public void A_live_color_that_is_not_blue_or_green_names_its_output_path()
    {
        var outputs = Outputs("web");
        outputs["services"]!["web"]!["liveColor"] = "red";

        var error = Assert.Throws<RolloutInputException>(() => StackOutputsReader.Read(outputs));

        Assert.Equal("the stack output services.web.liveColor is missing or of the wrong type; is the stack up to date with the program?", error.Message);
    }

    [Fact]
    public void Reads_each_services_preview_route_and_the_stacks_smoke_route()
    {
        var web = StackOutputsReader.Read(WithSmokeRoute("testListener")).For("web");

        Assert.Equal(new PreviewRoute("urn:web:preview-rule", "https://www.example.com", "X-Infra-Preview", "arn:aws:secretsmanager:eu-west-1:1:secret:p", false),
            web.Preview);
        Assert.True(StackOutputsReader.Read(WithSmokeRoute("previewHeader")).For("web").Preview!.ForSmoke);
    }

    [Fact]
    public void A_stack_updated_before_the_preview_route_existed_smokes_through_the_test_listener()
    {
        Assert.Null(StackOutputsReader.Read(Outputs("web")).For("web").Preview);
    }

    [Theory]
    [InlineData("previewRouteUrn", "services.web.previewRouteUrn")]
    [InlineData("previewSecretArn", "smokeRoute.previewSecretArn")]
    public void With_a_smoke_route_the_preview_outputs_are_required(string key, string path)
    {
        var json = WithSmokeRoute("previewHeader");
        (key == "previewRouteUrn" ? json["services"]!["web"]! : json["smokeRoute"]!).AsObject().Remove(key);

        var error = Assert.Throws<RolloutInputException>(() => StackOutputsReader.Read(json));

        Assert.Equal($"the stack output {path} is missing or of the wrong type; is the stack up to date with the program?", error.Message);
    }

    [Fact]
    public void A_smoke_route_other_than_the_preview_header_or_test_listener_names_its_output_path()
    {
        var error = Assert.Throws<RolloutInputException>(() => StackOutputsReader.Read(WithSmokeRoute("sideways")));

        Assert.Equal("the stack output smokeRoute.via is missing or of the wrong type; is the stack up to date with the program?", error.Message);
    }

    private static JsonObject WithSmokeRoute(string via)
    {
        var json = Outputs("web");
        var web = json["services"]!["web"]!.AsObject();
        web["previewUrl"] = "https://www.example.com";
        web["previewHeader"] = "X-Infra-Preview";
        web["previewRouteUrn"] = "urn:web:preview-rule";
        json["smokeRoute"] = new JsonObject { ["via"] = via, ["previewSecretArn"] = "arn:aws:secretsmanager:eu-west-1:1:secret:p" };
        return json;
    }

    private static JsonObject Color(string name, string color) => new()
    {
        ["serviceName"] = $"{name}-{color}",
        ["taskDefinitionUrn"] = $"urn:{name}:{color}-taskdef",
        ["serviceUrn"] = $"urn:{name}:{color}-service",
        ["scalingTargetUrn"] = $"urn:{name}:{color}-scaling",
        ["targetGroupArnSuffix"] = $"targetgroup/{name}-tg-{color}/73e2d6bc24d8a067",
        ["gateAlarmNames"] = new JsonArray($"{name}-{color}-5xx"),
    };
}

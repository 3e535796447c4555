using System.Text.Json.Nodes;

namespace Infra.Stacks.Tests;

public class ServiceValidationTests
{
    private static StackBuilder Web(string path, JsonNode? value) => StackBuilder.Staging().Set("infra:services", $"web.{path}", value);

    [Fact]
    public void Weights_not_summing_to_100()
    {
        var builder = Web("weights", new JsonObject { ["blue"] = 70, ["green"] = 20 }).Set("infra:services", "web.image.green", "repo/web:2");
        Expect.Error(builder, "infra:services.web.weights: blue 70 + green 20 = 90, weights must sum to 100");
    }

    [Fact]
    public void Weight_out_of_range_is_reported_instead_of_the_sum() =>
        Expect.Error(Web("weights", new JsonObject { ["blue"] = 120, ["green"] = 0 }),
            "infra:services.web.weights.blue: 120 is out of range; allowed 0 to 100");

    [Fact]
    public void Only_the_live_color_runs_unless_the_runner_says_otherwise()
    {
        var idle = StackBuilder.Staging().Load().GetValidOrThrow().Services[0].Running;
        var both = Web("running", new JsonObject { ["green"] = "true" }).Load().GetValidOrThrow().Services[0].Running;

        Assert.Equal((true, false), (idle.Blue, idle.Green));
        Assert.Equal((true, true), (both.Blue, both.Green));
    }

    [Fact]
    public void Running_flag_not_a_boolean() =>
        Expect.Error(Web("running", new JsonObject { ["green"] = "yes" }), "infra:services.web.running.green: expected true or false, got 'yes'");

    [Fact]
    public void Live_color_not_blue_or_green() =>
        Expect.Error(Web("liveColor", "red"), "infra:services.web.liveColor: 'red' is not allowed; use one of: blue, green");

    [Fact]
    public void Image_missing_for_the_live_color() =>
        Expect.Error(StackBuilder.Staging().Remove("infra:services", "web.image.blue").Set("infra:services", "web.image.green", "repo/web:2"),
            "infra:services.web.image.blue: required, because blue is the live color");

    [Fact]
    public void Image_missing_for_a_color_that_takes_traffic() =>
        Expect.Error(Web("weights", new JsonObject { ["blue"] = 90, ["green"] = 10 }),
            "infra:services.web.image.green: required, because green takes 10% of the traffic");

    [Fact]
    public void Cpu_and_memory_not_a_fargate_pair() =>
        Expect.Error(Web("cpu", 512).Set("infra:services", "web.memory", 512),
            "infra:services.web.memory: cpu 512 with memory 512 is not a valid Fargate pair; valid pairs: " +
            "cpu 256 with memory 512, 1024 or 2048; cpu 512 with memory 1024 to 4096 in steps of 1024; " +
            "cpu 1024 with memory 2048 to 8192 in steps of 1024; cpu 2048 with memory 4096 to 16384 in steps of 1024; " +
            "cpu 4096 with memory 8192 to 30720 in steps of 1024; cpu 8192 with memory 16384 to 61440 in steps of 4096; " +
            "cpu 16384 with memory 32768 to 122880 in steps of 8192");

    [Fact]
    public void Cpu_not_a_fargate_size() =>
        Expect.Error(Web("cpu", 300),
            "infra:services.web.cpu: 300 is not a Fargate cpu size; valid pairs: " +
            "cpu 256 with memory 512, 1024 or 2048; cpu 512 with memory 1024 to 4096 in steps of 1024; " +
            "cpu 1024 with memory 2048 to 8192 in steps of 1024; cpu 2048 with memory 4096 to 16384 in steps of 1024; " +
            "cpu 4096 with memory 8192 to 30720 in steps of 1024; cpu 8192 with memory 16384 to 61440 in steps of 4096; " +
            "cpu 16384 with memory 32768 to 122880 in steps of 8192");

    [Fact]
    public void Counts_ports_and_autoscaling()
    {
        var builder = Web("desiredCount", -1)
            .Set("infra:services", "web.idleDesiredCount", -2)
            .Set("infra:services", "web.containerPort", 70000)
            .Set("infra:services", "web.autoscaling", new JsonObject { ["min"] = 5, ["max"] = 3, ["cpuTargetPercent"] = 0 });
        Expect.Errors(builder,
            "Pulumi.staging.yaml: infra:services.web.containerPort: 70000 is out of range; allowed 1 to 65535",
            "Pulumi.staging.yaml: infra:services.web.desiredCount: -1 is out of range; allowed 0 or more",
            "Pulumi.staging.yaml: infra:services.web.idleDesiredCount: -2 is out of range; allowed 0 or more",
            "Pulumi.staging.yaml: infra:services.web.autoscaling: min 5 is greater than max 3; min must not exceed max",
            "Pulumi.staging.yaml: infra:services.web.autoscaling.cpuTargetPercent: 0 is out of range; allowed 1 to 100");
    }

    [Fact]
    public void Health_check_and_target_group_timings()
    {
        var builder = Web("healthCheck", new JsonObject
            {
                ["path"] = "healthz", ["intervalSeconds"] = 1, ["healthyThreshold"] = 1, ["unhealthyThreshold"] = 11,
            })
            .Set("infra:services", "web.deregistrationDelaySeconds", 4000)
            .Set("infra:services", "web.slowStartSeconds", 10)
            .Set("infra:services", "web.pathPattern", "api/*")
            .Set("infra:services", "web.logRetentionDays", 45)
            .Set("infra:services", "web.latencyBaselineMs", 0);
        Expect.Errors(builder,
            "Pulumi.staging.yaml: infra:services.web.healthCheck.path: 'healthz' must start with /",
            "Pulumi.staging.yaml: infra:services.web.healthCheck.intervalSeconds: 1 is out of range; allowed 5 to 300",
            "Pulumi.staging.yaml: infra:services.web.healthCheck.healthyThreshold: 1 is out of range; allowed 2 to 10",
            "Pulumi.staging.yaml: infra:services.web.healthCheck.unhealthyThreshold: 11 is out of range; allowed 2 to 10",
            "Pulumi.staging.yaml: infra:services.web.deregistrationDelaySeconds: 4000 is out of range; allowed 0 to 3600",
            "Pulumi.staging.yaml: infra:services.web.slowStartSeconds: 10 is out of range; allowed 0 (off) or 30 to 900",
            "Pulumi.staging.yaml: infra:services.web.pathPattern: 'api/*' must start with /",
            "Pulumi.staging.yaml: infra:services.web.logRetentionDays: 45 is not a CloudWatch Logs retention; allowed " +
            "1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653",
            "Pulumi.staging.yaml: infra:services.web.latencyBaselineMs: 0 is out of range; allowed 1 or more");
    }

    [Fact]
    public void Secrets_must_be_secrets_manager_arns_and_not_repeat_environment_names()
    {
        var builder = Web("secrets", new JsonObject { ["DB_PASSWORD"] = "hunter2-not-an-arn" })
            .Set("infra:services", "web.environment", new JsonObject { ["DB_PASSWORD"] = "x" });
        Expect.Errors(builder,
            "Pulumi.staging.yaml: infra:services.web.secrets.DB_PASSWORD: 'hunter2-not-an-arn' is not a Secrets Manager ARN; " +
            "expected arn:aws:secretsmanager:<region>:<account>:secret:<name>",
            "Pulumi.staging.yaml: infra:services.web.secrets.DB_PASSWORD: also set in environment; " +
            "a variable comes from environment or secrets, not both");
    }

    [Fact]
    public void Service_name_must_suit_resource_names() =>
        Expect.Error(StackBuilder.Staging().Remove("infra:services", "web").Set("infra:services", "Web_1.image.blue", "repo/x:1"),
            "infra:services.Web_1: 'Web_1' is not a valid service name; use lower-case letters, digits and hyphens, starting with a letter");

    [Fact]
    public void A_stack_needs_at_least_one_service() =>
        Expect.Error(StackBuilder.Staging().Remove("infra:services", "web"), "infra:services: required; define at least one service");

    [Fact]
    public void Second_service_needs_a_host_or_path_pattern() =>
        Expect.Error(StackBuilder.Staging().Set("infra:services", "api.image.blue", "repo/api:1"),
            "infra:services.api: needs a host or pathPattern; only the first service (web) serves the default action");

    [Fact]
    public void Two_services_claiming_the_same_host_name_both()
    {
        var builder = StackBuilder.Staging()
            .Set("infra:services", "web.host", "api.example.com")
            .Set("infra:services", "api.image.blue", "repo/api:1")
            .Set("infra:services", "api.host", "api.example.com");
        Expect.Error(builder,
            "infra:services.api: host 'api.example.com' is already claimed by service web; give each service its own host or path pattern");
    }

    [Fact]
    public void Two_services_claiming_the_same_path_pattern_name_both()
    {
        var builder = StackBuilder.Staging()
            .Set("infra:services", "api.image.blue", "repo/api:1")
            .Set("infra:services", "api.pathPattern", "/api/*")
            .Set("infra:services", "admin.image.blue", "repo/admin:1")
            .Set("infra:services", "admin.pathPattern", "/api/*");
        Expect.Error(builder,
            "infra:services.admin: path pattern '/api/*' is already claimed by service api; give each service its own host or path pattern");
    }

    [Fact]
    public void The_same_host_with_different_paths_routes_to_different_services()
    {
        var builder = StackBuilder.Staging()
            .Set("infra:services", "api.image.blue", "repo/api:1")
            .Set("infra:services", "api.host", "example.com")
            .Set("infra:services", "api.pathPattern", "/api/*")
            .Set("infra:services", "admin.image.blue", "repo/admin:1")
            .Set("infra:services", "admin.host", "example.com")
            .Set("infra:services", "admin.pathPattern", "/admin/*");

        Assert.Empty(builder.Load().Errors);
    }

    [Fact]
    public void A_service_name_must_leave_room_in_its_target_group_names() =>
        Expect.Error(StackBuilder.Staging().Set("infra:services", "notifications.image.blue", "repo/n:1").Set("infra:services", "notifications.host", "n.example.com"),
            "infra:services.notifications: 'notifications' is 13 characters; at most 11 (8 with a pilot light), so its target group names fit AWS's 32-character limit");

    [Fact]
    public void With_a_pilot_light_service_names_are_shorter_still() =>
        Expect.Error(StackBuilder.Production().Set("infra:dr", "pilotLight", true)
                .Set("infra:dr", "certificateArn", "arn:aws:acm:eu-central-1:123456789012:certificate/dr")
                .Set("infra:dr", "replicatedRepositories", new System.Text.Json.Nodes.JsonArray("web", "pay", "chk"))
                .Set("infra:services", "payments.image.blue", $"{StackBuilder.Registry}/pay:1").Set("infra:services", "payments.host", "p.example.com")
                .Set("infra:services", "checkout1.image.blue", $"{StackBuilder.Registry}/chk:1").Set("infra:services", "checkout1.host", "c.example.com"),
            "infra:services.checkout1: 'checkout1' is 9 characters; at most 11 (8 with a pilot light), so its target group names fit AWS's 32-character limit");
}

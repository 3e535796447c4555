using System.Text.Json.Nodes;
using Infra.Components.Compute;
using Infra.Stacks.Settings;
using Infra.Tests.Components.Traffic;

namespace Infra.Tests.Components.Compute;

public sealed class ContainerDefinitionsTests
{
    private static readonly ServiceSettings Web = TrafficStacks.Production.Service("web");

    private static JsonNode Container(ServiceSettings service, Color color) =>
        Assert.Single(JsonNode.Parse(ContainerDefinitions.Json(service, color, "/ecs/infra-production/web", "eu-west-1"))!.AsArray())!;

    [Fact]
    public void Each_color_runs_its_own_image_on_the_service_port()
    {
        var green = Container(Web, Color.Green);

        Assert.Equal(("web", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.5.0", true),
            ((string)green["name"]!, (string)green["image"]!, (bool)green["essential"]!));
        Assert.Equal(8080L, (long)green["portMappings"]![0]!["containerPort"]!);
        Assert.Equal("123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2", (string)Container(Web, Color.Blue)["image"]!);
    }

    [Fact]
    public void Logs_go_to_the_services_log_group_with_the_color_as_stream_prefix()
    {
        var log = Container(Web, Color.Blue)["logConfiguration"]!;

        Assert.Equal("awslogs", (string)log["logDriver"]!);
        Assert.Equal(("/ecs/infra-production/web", "eu-west-1", "blue"),
            ((string)log["options"]!["awslogs-group"]!, (string)log["options"]!["awslogs-region"]!, (string)log["options"]!["awslogs-stream-prefix"]!));
    }

    [Fact]
    public void The_health_check_probes_the_target_group_path_on_the_container_port()
    {
        var check = Container(Web, Color.Blue)["healthCheck"]!;

        Assert.Equal(["CMD-SHELL", "curl -fsS http://localhost:8080/healthz || exit 1"], check["command"]!.AsArray().Select(c => (string)c!));
        Assert.Equal((15L, 3L, 60L), ((long)check["interval"]!, (long)check["retries"]!, (long)check["startPeriod"]!));
    }

    [Fact]
    public void Environment_is_plain_and_secrets_are_only_referenced_by_arn()
    {
        var container = Container(Web, Color.Blue);

        var environment = Assert.Single(container["environment"]!.AsArray())!;
        Assert.Equal(("LOG_LEVEL", "info"), ((string)environment["name"]!, (string)environment["value"]!));
        var secret = Assert.Single(container["secrets"]!.AsArray())!;
        Assert.Equal(("DB_PASSWORD", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:production/web/db-Q1w2E3"),
            ((string)secret["name"]!, (string)secret["valueFrom"]!));
    }

    [Fact]
    public void The_database_address_joins_the_environment_as_database_host()
    {
        var json = ContainerDefinitions.Json(Web, Color.Blue, "/ecs/infra-production/web", "eu-west-1", "db.example.internal");

        var environment = Assert.Single(JsonNode.Parse(json)!.AsArray())!["environment"]!.AsArray()
            .Select(e => ((string)e!["name"]!, (string)e["value"]!));
        Assert.Equal(new[] { ("DATABASE_HOST", "db.example.internal"), ("LOG_LEVEL", "info") }, environment);
    }

    [Fact]
    public void An_idle_color_without_an_image_runs_the_live_colors_image()
    {
        var service = Web with { Image = new ColorPair<string?>("registry.example/web:1.0", null) };

        Assert.Equal("registry.example/web:1.0", ContainerDefinitions.ImageFor(service, Color.Green));
    }

    [Fact]
    public void A_live_color_without_an_image_is_refused()
    {
        var service = Web with { Image = new ColorPair<string?>(null, "registry.example/web:1.1") };

        var error = Assert.Throws<ArgumentException>(() => ContainerDefinitions.ImageFor(service, Color.Blue));

        Assert.Equal("service web has no image for its live color blue; set infra:services.web.image.blue (Parameter 'service')", error.Message);
    }
}

using System.Text.Json.Nodes;
using Infra.Components.Observability;
using Infra.Components.Observability.Catalog;
using Infra.Stacks.Settings;
using static Infra.Tests.Components.Observability.ObservabilityFixtures;

namespace Infra.Tests.Components.Observability;

public class DashboardBodyTests
{
    private static string ArnOf(string alarmName) => $"arn:aws:cloudwatch:eu-west-1:123456789012:alarm:{alarmName}";

    private static JsonObject Body(StackSettings settings)
    {
        var alarms = Catalog(settings).Alarms;
        var json = new DashboardBody(settings, alarms,
            DashboardBody.References(settings).ToDictionary(r => r, ValueOf),
            alarms.ToDictionary(a => a.Name, a => ArnOf(a.Name))).ToJson();
        return JsonNode.Parse(json)!.AsObject();
    }

    private static IReadOnlyList<JsonObject> Widgets(StackSettings settings) =>
        Body(settings)["widgets"]!.AsArray().Select(w => w!.AsObject()).ToList();

    [Fact]
    public void Widgets_stay_within_the_24_column_grid_and_do_not_overlap()
    {
        var widgets = Widgets(Production);

        var boxes = widgets.Select(w => (X: (int)w["x"]!, Y: (int)w["y"]!, W: (int)w["width"]!, H: (int)w["height"]!)).ToList();
        Assert.All(boxes, b => Assert.True(b.X >= 0 && b.Y >= 0 && b.W >= 1 && b.H >= 1 && b.X + b.W <= 24, $"{b} is off the grid"));
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                var overlap = a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H;
                Assert.False(overlap, $"widget {i} {a} overlaps widget {j} {b}");
            }
        }
    }

    [Fact]
    public void Alarm_status_widget_lists_every_alarm_and_every_alarm_has_its_own_graph()
    {
        var widgets = Widgets(Production);
        var expected = Catalog(Production).Alarms.Select(a => ArnOf(a.Name)).Order(StringComparer.Ordinal).ToList();

        var status = Assert.Single(widgets, w => (string)w["type"]! == "alarm");
        Assert.Equal(expected, status["properties"]!["alarms"]!.AsArray().Select(a => (string)a!).Order(StringComparer.Ordinal));
        var graphed = widgets.Where(w => w["properties"]!["annotations"] is not null)
            .Select(w => (string)w["properties"]!["annotations"]!["alarms"]![0]!);
        Assert.Equal(expected, graphed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Replica_lag_is_graphed_in_the_dr_region_and_the_rest_in_the_stack_region()
    {
        var widgets = Widgets(Production);

        Assert.Equal("eu-central-1", (string)Graph(widgets, "database: replica lag (s)")["region"]!);
        Assert.Equal("eu-central-1", (string)Graph(widgets, "infra-production-db-replica-lag")["region"]!);
        Assert.Equal("eu-west-1", (string)Graph(widgets, "database: CPU (%)")["region"]!);
        Assert.DoesNotContain(Widgets(Staging), w => (string?)w["properties"]!["title"] == "database: replica lag (s)");
    }

    [Fact]
    public void Each_service_has_traffic_errors_latency_health_and_ecs_graphs_per_color()
    {
        var widgets = Widgets(Production);

        foreach (var service in new[] { "web", "api" })
        {
            var latency = Graph(widgets, $"{service}: response time (s)")["metrics"]!.AsArray();
            Assert.Equal(["blue p50", "blue p95", "blue p99", "green p50", "green p95", "green p99"],
                latency.Select(m => (string)m!.AsArray().Last()!["label"]!));
            var p99Green = latency[5]!.AsArray();
            Assert.Equal(["AWS/ApplicationELB", "TargetResponseTime", "TargetGroup", $"targetgroup/{service}-green/1", "LoadBalancer", "app/alb/1"],
                p99Green.Take(6).Select(v => (string)v!));
            foreach (var title in new[] { "requests", "5xx rate (%)", "healthy hosts", "ECS CPU (%)", "ECS memory (%)" })
                Assert.NotNull(Graph(widgets, $"{service}: {title}"));
        }
        var rates = Graph(widgets, "web: 5xx rate (%)")["metrics"]!.AsArray();
        Assert.Equal("100 * FILL(errors_blue, 0) / requests_blue", (string)rates[0]![0]!["expression"]!);
        var memory = Graph(widgets, "api: ECS memory (%)")["metrics"]!.AsArray()[1]!.AsArray();
        Assert.Equal(["AWS/ECS", "MemoryUtilization", "ClusterName", "cluster-1", "ServiceName", "api-green"], memory.Take(6).Select(v => (string)v!));
    }

    [Fact]
    public void Database_graphs_cover_cpu_connections_free_storage_and_replica_lag()
    {
        var widgets = Widgets(Production);

        foreach (var (title, metric, instance) in new[]
                 {
                     ("CPU (%)", "CPUUtilization", "db-primary"), ("connections", "DatabaseConnections", "db-primary"),
                     ("free storage (bytes)", "FreeStorageSpace", "db-primary"), ("replica lag (s)", "ReplicaLag", "db-replica"),
                 })
        {
            var row = Graph(widgets, $"database: {title}")["metrics"]!.AsArray().Single()!.AsArray();
            Assert.Equal(["AWS/RDS", metric, "DBInstanceIdentifier", instance], row.Take(4).Select(v => (string)v!));
        }
    }

    private static JsonObject Graph(IReadOnlyList<JsonObject> widgets, string title) =>
        Assert.Single(widgets, w => (string?)w["properties"]!["title"] == title)["properties"]!.AsObject();
}

using System.Text.Json.Nodes;
using Infra.Components.Observability.Catalog;
using Infra.Stacks.Settings;

namespace Infra.Components.Observability;

/// <summary>
/// The stack dashboard's JSON, from the catalog: the services' composite alarms' state, an alarm-status widget with every alarm, per service the traffic,
/// 5xx rate, latency, healthy hosts and ECS graphs per color, the database graphs, and one graph per alarm.
/// </summary>
/// <param name="DimensionValues">The value of every reference in <see cref="References"/>.</param>
/// <param name="AlarmArns">Every alarm's ARN, by name.</param>
/// <param name="CompositeAlarmArns">The services' composite "unhealthy" alarms, shown first. Default: none.</param>
public sealed record DashboardBody(
    StackSettings Settings,
    IReadOnlyList<AlarmDefinition> Alarms,
    IReadOnlyDictionary<DimensionRef, string> DimensionValues,
    IReadOnlyDictionary<string, string> AlarmArns,
    IReadOnlyList<string>? CompositeAlarmArns = null)
{
    private const int Period = 60;

    /// <summary>The dimension values the overview graphs read.</summary>
    public static IReadOnlyList<DimensionRef> References(StackSettings settings)
    {
        var references = new List<DimensionRef> { new LoadBalancerRef(), new ClusterRef(), new DbInstanceRef(DatabaseRole.Primary) };
        references.AddRange(SyntheticsAlarms.Canaries(settings).Select(name => new CanaryRef(name)));
        if (DatabaseAlarms.WatchesReplica(settings)) references.Add(new DbInstanceRef(DatabaseRole.Replica));
        foreach (var service in settings.Services)
        {
            foreach (var color in Enum.GetValues<Color>())
            {
                references.Add(new TargetGroupRef(service.Name, color));
                references.Add(new EcsServiceRef(service.Name, color));
            }
        }
        return references;
    }

    public string ToJson()
    {
        var grid = new DashboardGrid();
        if (CompositeAlarmArns is { Count: > 0 } composites)
        {
            grid.Add(Widget("alarm", new JsonObject
            {
                ["title"] = "Service health (these notify for their members)",
                ["alarms"] = new JsonArray(composites.Select(a => (JsonNode)a).ToArray()),
            }), DashboardGrid.Columns, 2 + (composites.Count + 3) / 4);
        }
        var arns = Alarms.OrderBy(a => a.Severity).ThenBy(a => a.Name, StringComparer.Ordinal).Select(a => AlarmArns[a.Name]).ToList();
        grid.Add(Widget("alarm", new JsonObject
        {
            ["title"] = "Alarms",
            ["alarms"] = new JsonArray(arns.Select(a => (JsonNode)a).ToArray()),
            ["sortBy"] = "stateUpdatedTimestamp",
        }), DashboardGrid.Columns, 2 + (arns.Count + 3) / 4);

        foreach (var service in Settings.Services) AddService(grid, service.Name);
        AddDatabase(grid);

        Section(grid, "Alarm graphs");
        foreach (var alarm in Alarms)
        {
            grid.Add(Widget("metric", new JsonObject
            {
                ["title"] = alarm.Name,
                ["region"] = RegionOf(alarm.Region),
                ["annotations"] = new JsonObject { ["alarms"] = new JsonArray(AlarmArns[alarm.Name]) },
                ["view"] = "timeSeries",
                ["stacked"] = false,
            }), 6, 6);
        }
        return grid.ToDashboard().ToJsonString();
    }

    private void AddService(DashboardGrid grid, string service)
    {
        Section(grid, service);
        grid.Add(Graph($"{service}: requests", PerColor(c => Metric(Metrics.TargetGroup("RequestCount", service, c, "Sum"), c.ToConfigName()))), 8, 6);
        var rates = new List<JsonArray>();
        foreach (var color in Enum.GetValues<Color>())
        {
            var name = color.ToConfigName();
            rates.Add(new JsonArray(new JsonObject
            {
                ["expression"] = $"100 * FILL(errors_{name}, 0) / requests_{name}",
                ["label"] = $"{name} 5xx %",
                ["id"] = $"rate_{name}",
            }));
            rates.Add(Metric(Metrics.TargetGroup("HTTPCode_Target_5XX_Count", service, color, "Sum"), null, $"errors_{name}"));
            rates.Add(Metric(Metrics.TargetGroup("RequestCount", service, color, "Sum"), null, $"requests_{name}"));
        }
        grid.Add(Graph($"{service}: 5xx rate (%)", rates), 8, 6);
        grid.Add(Graph($"{service}: response time (s)", Enum.GetValues<Color>().SelectMany(c => new[] { "p50", "p95", "p99" }
            .Select(p => Metric(Metrics.TargetGroup("TargetResponseTime", service, c, p), $"{c.ToConfigName()} {p}"))).ToList()), 8, 6);
        grid.Add(Graph($"{service}: healthy hosts", PerColor(c => Metric(Metrics.TargetGroup("HealthyHostCount", service, c, "Minimum"), c.ToConfigName()))), 8, 6);
        grid.Add(Graph($"{service}: ECS CPU (%)", PerColor(c => Metric(Metrics.EcsService(Metrics.Ecs, "CPUUtilization", service, c, "Average"), c.ToConfigName()))), 8, 6);
        grid.Add(Graph($"{service}: ECS memory (%)", PerColor(c => Metric(Metrics.EcsService(Metrics.Ecs, "MemoryUtilization", service, c, "Average"), c.ToConfigName()))), 8, 6);
    }

    private void AddDatabase(DashboardGrid grid)
    {
        Section(grid, "database");
        grid.Add(Graph("database: CPU (%)", [Metric(Metrics.Database("CPUUtilization", DatabaseRole.Primary, "Average"), "primary")]), 6, 6);
        grid.Add(Graph("database: connections", [Metric(Metrics.Database("DatabaseConnections", DatabaseRole.Primary, "Maximum"), "primary")]), 6, 6);
        grid.Add(Graph("database: free storage (bytes)", [Metric(Metrics.Database("FreeStorageSpace", DatabaseRole.Primary, "Minimum"), "primary")]), 6, 6);
        if (DatabaseAlarms.WatchesReplica(Settings))
        {
            grid.Add(Graph("database: replica lag (s)", [Metric(Metrics.Database("ReplicaLag", DatabaseRole.Replica, "Maximum"), "replica")],
                RegionOf(AlarmRegion.Dr)), 6, 6);
        }
    }

    private static void Section(DashboardGrid grid, string title)
    {
        grid.NewRow();
        grid.Add(Widget("text", new JsonObject { ["markdown"] = $"## {title}" }), DashboardGrid.Columns, 1);
    }

    private JsonObject Graph(string title, IReadOnlyList<JsonArray> metrics, string? region = null) => Widget("metric", new JsonObject
    {
        ["title"] = title,
        ["region"] = region ?? Settings.Region,
        ["metrics"] = new JsonArray(metrics.Select(m => (JsonNode)m).ToArray()),
        ["period"] = Period,
        ["view"] = "timeSeries",
        ["stacked"] = false,
    });

    private static IReadOnlyList<JsonArray> PerColor(Func<Color, JsonArray> metric) => Enum.GetValues<Color>().Select(metric).ToList();

    // CloudWatch's metric array: namespace, name, dimension name/value pairs, then the rendering options.
    // A metric with an id and no label only feeds an expression and is hidden.
    private JsonArray Metric(MetricStat metric, string? label, string? id = null)
    {
        var row = new JsonArray(metric.Namespace, metric.MetricName);
        foreach (var dimension in metric.Dimensions)
        {
            row.Add(dimension.Name);
            row.Add(DimensionValues[dimension.Value]);
        }
        var rendering = new JsonObject { ["stat"] = metric.Stat };
        if (label is not null) rendering["label"] = label;
        if (id is not null)
        {
            rendering["id"] = id;
            rendering["visible"] = false;
        }
        row.Add(rendering);
        return row;
    }

    private string RegionOf(AlarmRegion region) => region == AlarmRegion.Dr && Settings.DrRegion is { } dr ? dr : Settings.Region;

    private static JsonObject Widget(string type, JsonObject properties) => new() { ["type"] = type, ["properties"] = properties };
}

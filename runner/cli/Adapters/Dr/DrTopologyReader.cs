using System.Text.Json.Nodes;
using Infra.Runner.Dr;
using Infra.Runner.Rollout;
using Infra.Components.Compute;
using Infra.Stacks.Settings;
using StackSettings = Infra.Stacks.Settings.StackSettings;

namespace Infra.Runner.Adapters.Dr;

/// <summary>
/// Failover's and fail-back's view of the stack, from the settings as the program declares them (the stack file with the
/// ledger's release over it: regions, the default health path, each service's weights) and the outputs the last update
/// recorded (<c>url</c>, <c>database.primary|replica.identifier</c>, and <c>dr</c>, see infra/DrOutputEntry.cs). Each
/// color the release routes traffic to (weight above 0) is one service to scale, with the count and autoscaling range the
/// program declares for it (in the DR region: once promoted). The stack file and the Pulumi backend live outside AWS's
/// regions and the ledger is read through the DR region's replica, so nothing here needs the primary region. Every
/// missing piece is named at once.
/// </summary>
public static class DrTopologyReader
{
    public static DrTopology Read(StackSettings settings, JsonObject outputs)
    {
        var problems = StackFileProblems(settings);
        var url = Text(outputs, "url", problems);
        var primaryId = Text(outputs, "database.primary.identifier", problems);
        var replicaId = Text(outputs, "database.replica.identifier", problems);
        var primary = Side(settings.Services, outputs, "primary", settings.Region, primaryId, problems);
        // Without a pilot light (a problem named above) there are no DR services, and their images may have no DR copy.
        // Their capacity once promoted and not switching back: what failover and fail-back's undo scale them to.
        var dr = settings.Dr.PilotLight ? DrSide(PilotLight.SettingsFor(settings with { Dr = settings.Dr with { Promote = true, SwitchingBack = false } }).Services) : null;
        DrRegionSide? DrSide(IReadOnlyList<ServiceSettings> promoted) =>
            Side(promoted, outputs, "dr", settings.DrRegion ?? "", replicaId, problems) is { } side ? side with { Routes = Routes(promoted, outputs) } : null;

        ThrowIfAny(settings, problems);
        var healthCheckId = Node(outputs, "dr.healthCheckId") is JsonValue id && id.TryGetValue<string>(out var text) ? text : null;
        var db = settings.Database;
        return new DrTopology(settings.StackName, primary!, dr!, healthCheckId, url!.TrimEnd('/') + settings.DefaultService.HealthCheck.Path,
            new ReplicaSettings(db.InstanceClass, db.MultiAz, db.BackupRetentionDays, settings.IsProduction));
    }

    /// <summary>
    /// The checks of <see cref="Read"/> that need only the stack file (no release can change them): for a command to
    /// refuse before it asks for the stack name or takes the lease.
    /// </summary>
    public static void RequireDrStack(StackSettings settings) => ThrowIfAny(settings, StackFileProblems(settings));

    private static List<string> StackFileProblems(StackSettings settings)
    {
        var problems = new List<string>();
        if (settings.DrRegion is null) problems.Add("the stack has no infra:drRegion");
        if (!settings.Dr.Replica) problems.Add("the stack has no DR replica (infra:dr.replica is false)");
        if (!settings.Dr.PilotLight) problems.Add("the stack has no pilot light (infra:dr.pilotLight is false)");
        return problems;
    }

    private static void ThrowIfAny(StackSettings settings, List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new RolloutInputException(
                $"stack {settings.StackName} cannot fail over or back: {string.Join("; ", problems)}. Run a full update with this version of the program first");
        }
    }

    /// <summary>
    /// One region's ECS services, one per color, with the count and autoscaling range the program declares for it there
    /// (<paramref name="declared"/>: the stack's services, or the DR region's once promoted), so a later update agrees.
    /// The routed ones, those the region's load balancer sends traffic to (weight above 0 in the release), are scaled up,
    /// so none answers 503 with no task: after a split release both, and the live color of the ledger's release, not the
    /// one the last full update exported. Every color is stopped and fenced.
    /// </summary>
    private static DrRegionSide? Side(
        IEnumerable<ServiceSettings> declared, JsonObject outputs, string side, string region, string? instanceId, List<string> problems)
    {
        var cluster = Text(outputs, $"dr.{side}.clusterName", problems);
        var everyColor = declared.SelectMany(service => Colors.Select(color =>
        {
            var capacity = ColorCapacity.For(service, color);
            return (Routed: service.Weights[color] > 0, Service: new DrService(service.Name,
                Text(outputs, $"dr.{side}.services.{service.Name}.{color.ToConfigName()}", problems) ?? "", capacity.DesiredCount, capacity.MinCapacity, capacity.MaxCapacity));
        })).ToList();
        return instanceId is null || cluster is null
            ? null
            : new DrRegionSide(region, instanceId, cluster, everyColor.Where(c => c.Routed).Select(c => c.Service).ToList(), everyColor.Select(c => c.Service).ToList());
    }

    private static readonly Color[] Colors = [Color.Blue, Color.Green];

    /// <summary>
    /// Each service's weights carrier in the DR load balancer (<c>dr.dr.routes.&lt;name&gt;</c>; null when the outputs
    /// lack it or any of its keys: the last update ran an older program) and both colors at the capacity of a color taking
    /// traffic, so failover can also scale a color that load balancer still forwards to.
    /// </summary>
    private static IReadOnlyList<DrRoute> Routes(IEnumerable<ServiceSettings> promoted, JsonObject outputs) =>
        promoted.Select(service =>
        {
            var capacity = ColorCapacity.Routed(service);
            DrService Taking(Color color) => new(service.Name, Optional(outputs, $"dr.dr.services.{service.Name}.{color.ToConfigName()}") ?? "",
                capacity.DesiredCount, capacity.MinCapacity, capacity.MaxCapacity);
            return new DrRoute(service.Name, Route(outputs, $"dr.dr.routes.{service.Name}"), Taking(Color.Blue), Taking(Color.Green));
        }).ToList();

    private static TrafficRoute? Route(JsonObject outputs, string path)
    {
        var kind = Optional(outputs, $"{path}.kind") switch { "listener" => TrafficRouteKind.Listener, "rule" => TrafficRouteKind.Rule, _ => (TrafficRouteKind?)null };
        return (kind, Optional(outputs, $"{path}.arn"), Optional(outputs, $"{path}.blueTargetGroupArn"), Optional(outputs, $"{path}.greenTargetGroupArn"))
            is ({ } carrier, { } arn, { } blue, { } green)
            ? new TrafficRoute(carrier, arn, blue, green)
            : null;
    }

    private static string? Text(JsonObject outputs, string path, List<string> problems)
    {
        if (Optional(outputs, path) is { } text) return text;
        problems.Add($"the stack output {path} is missing");
        return null;
    }

    private static string? Optional(JsonObject outputs, string path) =>
        Node(outputs, path) is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private static JsonNode? Node(JsonObject outputs, string path) =>
        path.Split('.').Aggregate((JsonNode?)outputs, (node, key) => node is JsonObject o ? o[key] : null);
}

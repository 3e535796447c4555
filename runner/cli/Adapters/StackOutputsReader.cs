using System.Text.Json.Nodes;
using Infra.Runner.Rollout;
using ColorOutputs = Infra.Runner.Rollout.ColorOutputs;
using ServiceOutputs = Infra.Runner.Rollout.ServiceOutputs;
using StackOutputs = Infra.Runner.Rollout.StackOutputs;

namespace Infra.Runner.Adapters;

/// <summary>
/// The one place that knows the stack output names the runner reads. The stack exports <c>services</c>, keyed by
/// service name:
/// <code>
/// services.&lt;name&gt;.liveColor, .weights   what was last deployed (blue/green), to refuse a stale stack file
/// services.&lt;name&gt;.trafficUrns          listener/rule URNs carrying the weights (a rollback targets only these)
/// services.&lt;name&gt;.testUrl              base URL of the test listener, forwarding to the idle color
/// services.&lt;name&gt;.testRouteUrn         the test listener's route, applied whenever the live color changes
/// services.&lt;name&gt;.criticalAlarmNames   the service's critical alarms, watched during every bake
/// services.&lt;name&gt;.host, .pathPattern   optional listener rule conditions a smoke request must match
/// services.&lt;name&gt;.healthCheckPath      the smoke path when deploy is given no --smoke
/// services.&lt;name&gt;.desiredCount         tasks the new color must run, all healthy, before the smoke check
/// services.&lt;name&gt;.blue|green.taskDefinitionUrn, .serviceUrn, .scalingTargetUrn, .targetGroupArnSuffix, .gateAlarmNames
/// services.&lt;name&gt;.previewUrl, .previewHeader, .previewRouteUrn   the preview rule on the production listener
/// services.&lt;name&gt;.trafficRoute.kind (listener|rule), .arn with .blue|green.targetGroupArn   what a rollback switches directly
/// smokeRoute.via, .previewSecretArn     how smoke checks reach the idle color; the secret holding the header's value
/// services.&lt;name&gt;.containerName, .logGroupName, .blue|green.taskDefinitionArn   what a migration task runs and logs to
/// services.&lt;name&gt;.drTier.trafficUrns, .testRouteUrn, .previewRouteUrn, .blue|green.taskDefinitionUrn, .serviceUrn, .scalingTargetUrn
///                                       the pilot light's copy, applied once a release or rollback completes (absent without one)
/// tasks.clusterName, .subnetIds, .securityGroupId   where one-off tasks (the migration) run
/// database.primary.identifier          the DB instance a release snapshot is taken of
/// database.replica.identifier, .region the DR region's DB instance, which release snapshots are taken of once promoted
/// albArnSuffix with .blue|green.targetGroupArnSuffix           CloudWatch dimensions of target health and the canary analysis
/// </code>
/// A stack updated before the preview rule existed has no <c>smokeRoute</c>: its services smoke-test on the test listener.
/// <c>albArnSuffix</c> and <c>targetGroupArnSuffix</c> are optional here (a stack updated before they existed still
/// reads); a deploy refuses without them. So are <c>trafficRoute</c> and <c>targetGroupArn</c>: without them a
/// rollback moves traffic with its targeted update only. The hooks' outputs are optional here too; a deploy whose hooks
/// need them refuses without them.
/// </summary>
public static class StackOutputsReader
{
    public const string ServicesOutput = "services";
    public const string AlbArnSuffixOutput = "albArnSuffix";
    public const string SmokeRouteOutput = "smokeRoute";
    public const string TasksOutput = "tasks";

    public static StackOutputs Read(JsonObject outputs)
    {
        if (outputs[ServicesOutput] is not JsonObject services)
        {
            throw new RolloutInputException(
                $"the stack has no '{ServicesOutput}' output; run a full update of the stack before using the runner");
        }

        var smokeRoute = SmokeRoute(outputs);
        return new StackOutputs(services.ToDictionary(s => s.Key, s => Service(s.Key, s.Value, smokeRoute), StringComparer.Ordinal))
        {
            LoadBalancerArnSuffix = OptionalString(outputs, AlbArnSuffixOutput, ""),
            PrimaryDatabaseId = (outputs["database"] as JsonObject)?["primary"] is JsonObject primary ? OptionalString(primary, "identifier", "database.primary") : null,
            ReplicaDatabaseId = (outputs["database"] as JsonObject)?["replica"] is JsonObject replica ? OptionalString(replica, "identifier", "database.replica") : null,
            ReplicaDatabaseRegion = (outputs["database"] as JsonObject)?["replica"] is JsonObject dr ? OptionalString(dr, "region", "database.replica") : null,
            TaskNetwork = TaskNetwork(outputs),
        };
    }

    private static TaskNetwork? TaskNetwork(JsonObject outputs)
    {
        if (outputs[TasksOutput] is null) return null;
        var tasks = outputs[TasksOutput] as JsonObject ?? throw Missing(TasksOutput);
        return new TaskNetwork(String(tasks, "clusterName", TasksOutput), Strings(tasks, "subnetIds", TasksOutput), String(tasks, "securityGroupId", TasksOutput));
    }

    private static (string SecretArn, bool ViaPreview)? SmokeRoute(JsonObject outputs)
    {
        if (outputs[SmokeRouteOutput] is null) return null;
        var route = outputs[SmokeRouteOutput] as JsonObject ?? throw Missing(SmokeRouteOutput);
        var via = String(route, "via", SmokeRouteOutput) switch
        {
            "previewHeader" => true,
            "testListener" => false,
            _ => throw Missing($"{SmokeRouteOutput}.via"),
        };
        return (String(route, "previewSecretArn", SmokeRouteOutput), via);
    }

    private static ServiceOutputs Service(string name, JsonNode? node, (string SecretArn, bool ViaPreview)? smokeRoute)
    {
        var path = $"{ServicesOutput}.{name}";
        var service = node as JsonObject ?? throw Missing(path);
        return new ServiceOutputs(
            name,
            Strings(service, "trafficUrns", path),
            String(service, "testRouteUrn", path),
            Color(service, "blue", path),
            Color(service, "green", path),
            Strings(service, "criticalAlarmNames", path),
            String(service, "testUrl", path),
            LiveColor(service, path),
            Weights(service, path),
            OptionalString(service, "host", path),
            OptionalString(service, "pathPattern", path),
            String(service, "healthCheckPath", path),
            smokeRoute is { } route
                ? new PreviewRoute(String(service, "previewRouteUrn", path), String(service, "previewUrl", path),
                    String(service, "previewHeader", path), route.SecretArn, route.ViaPreview)
                : null)
        {
            DesiredCount = Int(service, "desiredCount", path),
            Route = Route(service, path),
            ContainerName = OptionalString(service, "containerName", path),
            LogGroupName = OptionalString(service, "logGroupName", path),
            DrTier = DrTier(service, path),
        };
    }

    private static DrTierOutputs? DrTier(JsonObject service, string path)
    {
        if (service["drTier"] is null) return null;
        var tierPath = $"{path}.drTier";
        var tier = service["drTier"] as JsonObject ?? throw Missing(tierPath);
        return new DrTierOutputs(Strings(tier, "trafficUrns", tierPath), String(tier, "testRouteUrn", tierPath), OptionalString(tier, "previewRouteUrn", tierPath),
            DrColor(tier, "blue", tierPath), DrColor(tier, "green", tierPath));
    }

    private static DrColorUrns DrColor(JsonObject tier, string color, string path)
    {
        var colorPath = $"{path}.{color}";
        var urns = tier[color] as JsonObject ?? throw Missing(colorPath);
        return new DrColorUrns(String(urns, "taskDefinitionUrn", colorPath), String(urns, "serviceUrn", colorPath), String(urns, "scalingTargetUrn", colorPath));
    }

    private static TrafficRoute? Route(JsonObject service, string path)
    {
        if (service["trafficRoute"] is null) return null;
        var routePath = $"{path}.trafficRoute";
        var route = service["trafficRoute"] as JsonObject ?? throw Missing(routePath);
        var kind = String(route, "kind", routePath) switch
        {
            "listener" => TrafficRouteKind.Listener,
            "rule" => TrafficRouteKind.Rule,
            _ => throw Missing($"{routePath}.kind"),
        };
        var blue = OptionalString(service["blue"] as JsonObject ?? throw Missing($"{path}.blue"), "targetGroupArn", $"{path}.blue");
        var green = OptionalString(service["green"] as JsonObject ?? throw Missing($"{path}.green"), "targetGroupArn", $"{path}.green");
        return blue is null || green is null ? null : new TrafficRoute(kind, String(route, "arn", routePath), blue, green);
    }

    private static DeployColor LiveColor(JsonObject service, string path) => String(service, "liveColor", path) switch
    {
        "blue" => DeployColor.Blue,
        "green" => DeployColor.Green,
        _ => throw Missing($"{path}.liveColor"),
    };

    private static TrafficWeights Weights(JsonObject service, string path)
    {
        var weightsPath = $"{path}.weights";
        var weights = service["weights"] as JsonObject ?? throw Missing(weightsPath);
        return new TrafficWeights(Int(weights, "blue", weightsPath), Int(weights, "green", weightsPath));
    }

    private static ColorOutputs Color(JsonObject service, string color, string path)
    {
        var colorPath = $"{path}.{color}";
        var outputs = service[color] as JsonObject ?? throw Missing(colorPath);
        return new ColorOutputs(
            String(outputs, "taskDefinitionUrn", colorPath),
            String(outputs, "serviceUrn", colorPath),
            String(outputs, "scalingTargetUrn", colorPath),
            Strings(outputs, "gateAlarmNames", colorPath))
        {
            TargetGroupArnSuffix = OptionalString(outputs, "targetGroupArnSuffix", colorPath),
            TaskDefinitionArn = OptionalString(outputs, "taskDefinitionArn", colorPath),
        };
    }

    private static string String(JsonObject parent, string key, string path) =>
        parent[key] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : throw Missing(KeyPath(path, key));

    private static string? OptionalString(JsonObject parent, string key, string path) =>
        parent[key] is null ? null : String(parent, key, path);

    // Outputs arrive as parsed JSON or as serialized .NET values (ints, doubles); the JSON text is the same either way.
    private static int Int(JsonObject parent, string key, string path) =>
        parent[key] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number
            && int.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Missing($"{path}.{key}");

    private static IReadOnlyList<string> Strings(JsonObject parent, string key, string path) =>
        parent[key] is JsonArray items
            ? items.Select(i => i is JsonValue v && v.TryGetValue<string>(out var text) ? text : throw Missing($"{path}.{key}")).ToList()
            : throw Missing($"{path}.{key}");

    private static string KeyPath(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static RolloutInputException Missing(string path) =>
        new($"the stack output {path} is missing or of the wrong type; is the stack up to date with the program?");
}

using System.Text.Json.Nodes;
using Infra.Runner.Dr;
using Infra.Runner.Rollout;
using Infra.Components.Compute;
using Infra.Stacks.Settings;
using StackOutputs = Infra.Runner.Rollout.StackOutputs;
using StackSettings = Infra.Stacks.Settings.StackSettings;

namespace Infra.Runner.Adapters.Dr;

/// <summary>
/// Failover's and fail-back's view of the stack, from the stack file's settings (regions, the default health path) and
/// the outputs the last update recorded (<c>url</c>, <c>database.primary|replica.identifier</c>, each service's live color
/// through <see cref="StackOutputsReader"/>, and <c>dr</c>, see infra/DrOutputEntry.cs). Each service's count and
/// autoscaling range are the ones the program declares for its live color (in the DR region: once promoted). Both live outside AWS's regions (the checkout
/// and the Pulumi backend), so nothing here needs the primary region. Every missing piece is named at once.
/// </summary>
public static class DrTopologyReader
{
    public static DrTopology Read(StackSettings settings, JsonObject outputs)
    {
        var problems = new List<string>();
        if (settings.DrRegion is null) problems.Add("the stack has no infra:drRegion");
        if (!settings.Dr.Replica) problems.Add("the stack has no DR replica (infra:dr.replica is false)");
        if (!settings.Dr.PilotLight) problems.Add("the stack has no pilot light (infra:dr.pilotLight is false)");
        var url = Text(outputs, "url", problems);
        var primaryId = Text(outputs, "database.primary.identifier", problems);
        var replicaId = Text(outputs, "database.replica.identifier", problems);
        var deployed = StackOutputsReader.Read(outputs);
        var primary = Side(settings.Services, deployed, outputs, "primary", settings.Region, primaryId, problems);
        // The DR services' capacity once promoted and not switching back: what failover and fail-back's undo scale them to.
        var promoted = PilotLight.SettingsFor(settings with { Dr = settings.Dr with { Promote = true, SwitchingBack = false } });
        var dr = Side(promoted.Services, deployed, outputs, "dr", settings.DrRegion ?? "", replicaId, problems);
        if (problems.Count > 0)
        {
            throw new RolloutInputException(
                $"stack {settings.StackName} cannot fail over or back: {string.Join("; ", problems)}. Run a full update with this version of the program first");
        }

        var healthCheckId = Node(outputs, "dr.healthCheckId") is JsonValue id && id.TryGetValue<string>(out var text) ? text : null;
        var db = settings.Database;
        return new DrTopology(settings.StackName, primary!, dr!, healthCheckId, url!.TrimEnd('/') + settings.DefaultService.HealthCheck.Path,
            new ReplicaSettings(db.InstanceClass, db.MultiAz, db.BackupRetentionDays, settings.IsProduction));
    }

    /// <summary>
    /// One region's services with the count and autoscaling range the program declares for their live color there
    /// (<paramref name="declared"/>: the stack's services, or the DR region's once promoted), so a later update agrees.
    /// </summary>
    private static DrRegionSide? Side(
        IEnumerable<ServiceSettings> declared, StackOutputs deployed, JsonObject outputs, string side, string region, string? instanceId, List<string> problems)
    {
        var cluster = Text(outputs, $"dr.{side}.clusterName", problems);
        var services = declared.Select(service =>
        {
            var live = deployed.Services.TryGetValue(service.Name, out var last) ? ReleaseMapping.ToColor(last.LiveColor) : Color.Blue;
            if (last is null) problems.Add($"the stack output services.{service.Name} is missing");
            var capacity = ColorCapacity.For(service with { LiveColor = live }, live);
            return new DrService(service.Name, Text(outputs, $"dr.{side}.services.{service.Name}.{live.ToConfigName()}", problems) ?? "",
                capacity.DesiredCount, capacity.MinCapacity, capacity.MaxCapacity);
        }).ToList();
        return instanceId is null || cluster is null ? null : new DrRegionSide(region, instanceId, cluster, services);
    }

    private static string? Text(JsonObject outputs, string path, List<string> problems)
    {
        if (Node(outputs, path) is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0) return text;
        problems.Add($"the stack output {path} is missing");
        return null;
    }

    private static JsonNode? Node(JsonObject outputs, string path) =>
        path.Split('.').Aggregate((JsonNode?)outputs, (node, key) => node is JsonObject o ? o[key] : null);
}

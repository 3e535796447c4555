using System.Text.Json.Nodes;
using Infra.Runner.Rollout;
using Infra.Stacks.Loading;

namespace Infra.Runner.Adapters;

/// <summary>
/// Reads one service's blue/green state from the <c>infra:services</c> config value (JSON text, as the Automation API
/// returns structured config), with the defaults the settings apply: live color blue, all traffic on the live color,
/// only the live color running.
/// </summary>
public static class ServiceConfigReader
{
    public static ServiceConfig Read(string servicesJson, string service)
    {
        var services = Parse(servicesJson);
        if (services[service] is not JsonObject config)
        {
            var known = string.Join(", ", services.Select(s => s.Key).Order(StringComparer.Ordinal));
            throw new RolloutInputException($"{ConfigKeys.Services} has no service '{service}'; it has: {known}");
        }

        var live = config["liveColor"] is JsonValue color ? DeployColors.Parse(Text(color)) : DeployColor.Blue;
        var weights = config["weights"] is JsonObject pair
            ? new TrafficWeights(Int(pair["blue"], $"{service}.weights.blue"), Int(pair["green"], $"{service}.weights.green"))
            : TrafficWeights.AllTo(live);
        return new ServiceConfig(service, live, weights, Color(config, DeployColor.Blue, live), Color(config, DeployColor.Green, live));
    }

    private static ColorConfig Color(JsonObject config, DeployColor color, DeployColor live)
    {
        var image = config["image"]?[color.ConfigName()] is JsonValue value ? Text(value) : null;
        var running = config["running"]?[color.ConfigName()] is JsonValue flag ? Bool(flag) : color == live;
        return new ColorConfig(string.IsNullOrEmpty(image) ? null : image, running);
    }

    private static JsonObject Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw new RolloutInputException($"{ConfigKeys.Services} is not a map of services");
        }
        catch (System.Text.Json.JsonException error)
        {
            throw new RolloutInputException($"{ConfigKeys.Services} is not readable JSON ({error.Message})");
        }
    }

    private static string Text(JsonValue value) => value.ToString();

    // Config written by the CLI holds strings ("100", "true"); stack files written by hand hold YAML numbers and booleans.
    private static int Int(JsonNode? node, string path) =>
        node is JsonValue value && int.TryParse(value.ToString(), out var number)
            ? number
            : node is null ? 0 : throw new RolloutInputException($"{ConfigKeys.Services}.{path} must be a whole number, got '{node}'");

    private static bool Bool(JsonValue value) => bool.TryParse(value.ToString(), out var flag) && flag;
}

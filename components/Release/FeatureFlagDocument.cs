using System.Text.Json.Nodes;
using Infra.Stacks.Settings;

namespace Infra.Components.Release;

/// <summary>
/// A service's flags as AppConfig hosted content of type <c>AWS.AppConfig.FeatureFlags</c> (schema version 1): each
/// flag's definition, with constraints for the attributes it sets (<c>percentage</c> a number from 0 to 100,
/// <c>userGroups</c> an array of strings), and its values.
/// </summary>
public static class FeatureFlagDocument
{
    public const string ProfileType = "AWS.AppConfig.FeatureFlags";
    public const string ContentType = "application/json";

    /// <summary>The flags of <paramref name="service"/>: those naming it, and those naming no service.</summary>
    public static IReadOnlyList<FeatureFlagSettings> FlagsOf(StackSettings settings, string service) =>
        settings.FeatureFlags.Where(f => f.Services.Count == 0 || f.Services.Contains(service)).ToList();

    public static string For(IEnumerable<FeatureFlagSettings> flags)
    {
        var definitions = new JsonObject();
        var values = new JsonObject();
        foreach (var flag in flags)
        {
            var attributes = new JsonObject();
            var value = new JsonObject { ["enabled"] = flag.Enabled };
            if (flag.Percentage is { } percentage)
            {
                attributes["percentage"] = new JsonObject
                {
                    ["constraints"] = new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = 100, ["required"] = true },
                };
                value["percentage"] = percentage;
            }
            if (flag.UserGroups is { } groups)
            {
                attributes["userGroups"] = new JsonObject
                {
                    ["constraints"] = new JsonObject
                    {
                        ["type"] = "array", ["elements"] = new JsonObject { ["type"] = "string" }, ["required"] = true,
                    },
                };
                value["userGroups"] = new JsonArray(groups.Select(g => (JsonNode)g).ToArray());
            }
            var definition = new JsonObject { ["name"] = flag.Name };
            if (attributes.Count > 0) definition["attributes"] = attributes;
            definitions[flag.Name] = definition;
            values[flag.Name] = value;
        }
        return new JsonObject { ["version"] = "1", ["flags"] = definitions, ["values"] = values }.ToJsonString();
    }
}

using System.Text.Json;

namespace Infra.Stacks.Loading;

/// <summary>
/// Reads config values as the Pulumi program sees them (the <c>PULUMI_CONFIG</c> shape): plain text for scalar
/// keys, JSON text for maps and lists, secrets already decrypted and named by <c>secretKeys</c>.
/// </summary>
public static class ConfigValues
{
    public static StackDocument Parse(string stackName, string fileLabel,
        IReadOnlyDictionary<string, string> rawValues, IReadOnlySet<string> secretKeys)
    {
        var entries = new List<KeyValuePair<string, ConfigNode>>();
        foreach (var (rawKey, text) in rawValues.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var key = ConfigKeys.Qualify(rawKey);
            var isSecret = secretKeys.Contains(rawKey) || secretKeys.Contains(key);
            var node = ConfigKeys.Scalars.Contains(key) ? new ConfigScalar(text, isSecret) : FromJsonText(text, isSecret);
            entries.Add(KeyValuePair.Create(key, node));
        }
        return new StackDocument(stackName, fileLabel, new ConfigMap(entries));
    }

    // Text that is not JSON stays a scalar, so the binder reports "expected a map" with the key path.
    internal static ConfigNode FromJsonText(string text, bool isSecret)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return FromJson(json.RootElement, isSecret) ?? new ConfigScalar(text, isSecret);
        }
        catch (JsonException)
        {
            return new ConfigScalar(text, isSecret);
        }
    }

    private static ConfigNode? FromJson(JsonElement element, bool isSecret) => element.ValueKind switch
    {
        JsonValueKind.Object => new ConfigMap(element.EnumerateObject()
            .Select(p => (p.Name, Node: FromJson(p.Value, isSecret)))
            .Where(p => p.Node is not null)
            .Select(p => KeyValuePair.Create(p.Name, p.Node!))
            .ToList()),
        JsonValueKind.Array => new ConfigList(element.EnumerateArray()
            .Select(e => FromJson(e, isSecret)).OfType<ConfigNode>().ToList()),
        JsonValueKind.String => new ConfigScalar(element.GetString()!, isSecret),
        JsonValueKind.Number => new ConfigScalar(element.GetRawText(), isSecret),
        JsonValueKind.True => new ConfigScalar("true", isSecret),
        JsonValueKind.False => new ConfigScalar("false", isSecret),
        _ => null,
    };
}

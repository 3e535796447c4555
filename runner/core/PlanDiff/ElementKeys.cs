using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Runner.PlanDiff;

/// <summary>
/// The property that names each item of a list of objects, so the items of two versions of the list can be matched
/// by name: container definitions, environment variables and parameters by <c>name</c>, policy statements by
/// <c>Sid</c>, alarm metric queries by <c>id</c>, forward target groups by <c>arn</c>, dashboard metric widgets by
/// <c>properties.title</c>.
/// </summary>
internal static class ElementKeys
{
    // Tried in this order; the first that names every item on both sides with a distinct non-empty string wins.
    private static readonly string[] Candidates = ["name", "Sid", "id", "title", "arn", "urn", "properties.title"];

    public static string? Find(IReadOnlyCollection<JsonNode?> before, IReadOnlyCollection<JsonNode?> after) =>
        before.Count + after.Count == 0 ? null : Candidates.FirstOrDefault(key => NamesAll(key, before) && NamesAll(key, after));

    /// <summary>The name of an item under a key that <see cref="Find"/> returned for its list.</summary>
    public static string NameOf(JsonNode? item, string key) =>
        TryName(item, key) ?? throw new InvalidOperationException($"the item has no '{key}' to be matched by");

    private static bool NamesAll(string key, IEnumerable<JsonNode?> items)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return items.All(item => TryName(item, key) is { Length: > 0 } name && seen.Add(name));
    }

    // A dotted key such as "properties.title" reads a nested property.
    private static string? TryName(JsonNode? item, string key)
    {
        var node = item;
        foreach (var part in key.Split('.'))
        {
            node = node is JsonObject parent && parent.TryGetPropertyValue(part, out var child) ? child : null;
        }

        return node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Runner.PlanDiff;

/// <summary>
/// Typed field access for <see cref="PlanReader"/> that records a problem instead of throwing, so a plan with several
/// mistakes reports all of them. Messages read "<c>{source}: {location}: missing field 'x'</c>".
/// </summary>
internal sealed class FieldReader
{
    private readonly string _prefix;
    private readonly List<string> _problems;

    public FieldReader(string source)
        : this(source, [])
    {
    }

    private FieldReader(string prefix, List<string> problems)
    {
        _prefix = prefix;
        _problems = problems;
    }

    /// <summary>A reader for a nested location that shares this reader's problem list.</summary>
    public FieldReader At(string location) => new($"{_prefix}: {location}", _problems);

    public void Problem(string message) => _problems.Add($"{_prefix}: {message}");

    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new PlanDiffException(_problems.ToList());
        }
    }

    public string? RequiredString(JsonObject obj, string field)
    {
        if (!obj.TryGetPropertyValue(field, out var node) || node is null)
        {
            Problem($"missing field '{field}'");
            return null;
        }

        return AsString(node, field);
    }

    public string? OptionalString(JsonObject obj, string field) =>
        obj.TryGetPropertyValue(field, out var node) && node is not null ? AsString(node, field) : null;

    public JsonObject? RequiredObject(JsonObject obj, string field)
    {
        if (!obj.TryGetPropertyValue(field, out var node) || node is null)
        {
            Problem($"missing field '{field}'");
            return null;
        }

        return AsObject(node, field);
    }

    public JsonObject OptionalObject(JsonObject obj, string field) =>
        obj.TryGetPropertyValue(field, out var node) && node is not null ? AsObject(node, field) ?? [] : [];

    public bool OptionalBool(JsonObject obj, string field, bool defaultValue)
    {
        if (!obj.TryGetPropertyValue(field, out var node) || node is null)
        {
            return defaultValue;
        }

        if (node.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return node.GetValue<bool>();
        }

        Problem($"field '{field}' must be true or false");
        return defaultValue;
    }

    public IReadOnlyList<string> OptionalStringList(JsonObject obj, string field)
    {
        if (!obj.TryGetPropertyValue(field, out var node) || node is null)
        {
            return [];
        }

        if (node is JsonArray array && array.All(e => e?.GetValueKind() == JsonValueKind.String))
        {
            return array.Select(e => e!.GetValue<string>()).ToList();
        }

        Problem($"field '{field}' must be an array of strings");
        return [];
    }

    private string? AsString(JsonNode node, string field)
    {
        if (node.GetValueKind() == JsonValueKind.String)
        {
            return node.GetValue<string>();
        }

        Problem($"field '{field}' must be a string");
        return null;
    }

    private JsonObject? AsObject(JsonNode node, string field)
    {
        if (node is JsonObject obj)
        {
            return obj;
        }

        Problem($"field '{field}' must be an object");
        return null;
    }
}

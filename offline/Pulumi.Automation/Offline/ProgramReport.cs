using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pulumi.Automation.Offline;

/// <summary>
/// What a program run declared, as its <c>Deployment.RunAsync</c> reported it: every resource's URN and the stack
/// outputs (JSON: <c>{"value", "secret", "known"}</c> per output; a secret's value is the placeholder).
/// </summary>
internal sealed record ProgramReport(ImmutableArray<string> Urns, JsonObject Outputs)
{
    public static ProgramReport? Read(string path)
    {
        if (!File.Exists(path)) return null;
        var report = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        File.Delete(path);
        return new ProgramReport(
            report["urns"]!.AsArray().Select(u => u!.GetValue<string>()).ToImmutableArray(),
            report["outputs"]!.AsObject());
    }

    /// <summary>Outputs as the Automation API returns them: JSON turned into plain .NET values the way its serializer does.</summary>
    public static ImmutableDictionary<string, OutputValue> ToOutputValues(JsonObject outputs) =>
        outputs.ToImmutableDictionary(
            o => o.Key,
            o => new OutputValue(Plain(o.Value!["value"]), o.Value!["secret"]?.GetValue<bool>() ?? false));

    private static object Plain(JsonNode? node) => node switch
    {
        JsonObject map => map.ToDictionary(p => p.Key, p => Plain(p.Value)),
        JsonArray list => list.Select(Plain).ToArray(),
        JsonValue value => Scalar(value.GetValue<JsonElement>()),
        _ => null!,
    };

    private static object Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when element.TryGetInt64(out var whole) => whole,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String when element.TryGetDateTime(out var time) => time,
        JsonValueKind.String => element.GetString()!,
        _ => null!,
    };
}

using System.Text.Json.Nodes;

namespace Infra.Runner.PlanDiff;

/// <summary>A value on one side of a comparison, telling "absent" apart from a JSON null.</summary>
internal readonly record struct JsonSlot(bool Present, JsonNode? Value)
{
    public static JsonSlot Absent => new(false, null);

    public static JsonSlot Of(JsonNode? value) => new(true, value);

    public string? Render() => Present ? JsonText.Render(Value) : null;
}

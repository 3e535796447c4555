using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Runner.PlanDiff;

/// <summary>Renders values for reports as compact JSON, keeping characters such as &lt; and + readable.</summary>
public static class JsonText
{
    internal static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static string Render(JsonNode? value) => value is null ? "null" : value.ToJsonString(Options);

    /// <summary>Renders a plain value (bool, string, list of strings) the same way.</summary>
    public static string RenderValue<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>
    /// A string input that holds a JSON object or array (container definitions, dashboard bodies, IAM policies),
    /// parsed so it can be compared by path instead of as one long string.
    /// </summary>
    public static bool TryParseEmbedded(JsonNode? value, out JsonNode parsed)
    {
        parsed = null!;
        if (value is not JsonValue scalar || scalar.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        var text = scalar.GetValue<string>().TrimStart();
        if (text.Length == 0 || (text[0] != '{' && text[0] != '['))
        {
            return false;
        }

        try
        {
            if (JsonNode.Parse(text) is { } node and (JsonObject or JsonArray))
            {
                parsed = node;
                return true;
            }
        }
        catch (JsonException)
        {
            // Looks like JSON but is not: compared as a plain string.
        }

        return false;
    }
}

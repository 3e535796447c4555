using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pulumi.Automation.Offline;

/// <summary>
/// YAML config values as JSON, typed the way YAML reads them: plain numbers and booleans keep their type. A
/// <c>secure:</c> value is what <c>secure</c> makes of its ciphertext (decrypted, or the secret placeholder), wherever it is nested.
/// </summary>
internal static class YamlJson
{
    private const string Secure = "secure";

    public static bool IsSecure(YamlMappingNode map) =>
        map.Children.Count == 1 && map.Children.Keys.Single() is YamlScalarNode { Value: Secure };

    public static bool ContainsSecure(YamlNode node) => node switch
    {
        YamlMappingNode map => IsSecure(map) || map.Children.Values.Any(ContainsSecure),
        YamlSequenceNode list => list.Children.Any(ContainsSecure),
        _ => false,
    };

    /// <summary>The ciphertext of a <c>secure:</c> map.</summary>
    public static string Ciphertext(YamlMappingNode map) => (map.Children.Values.Single() as YamlScalarNode)?.Value ?? "";

    public static JsonNode? ToJson(YamlNode node, Func<string, string> secure) => node switch
    {
        YamlMappingNode map when IsSecure(map) => JsonValue.Create(secure(Ciphertext(map))),
        YamlMappingNode map => new JsonObject(map.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", ToJson(c.Value, secure)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(c => ToJson(c, secure)).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain) return JsonValue.Create(text);
        if (text is "" or "~" or "null") return null;
        if (text is "true" or "false") return JsonValue.Create(text == "true");
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)) return JsonValue.Create(whole);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return JsonValue.Create(number);
        return JsonValue.Create(text);
    }
}

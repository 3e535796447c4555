using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Infra.Stacks.Tests;

/// <summary>
/// Turns a stack file into what the Pulumi program receives (PULUMI_CONFIG): scalars as text, maps and lists as
/// JSON text, secure values decrypted (here: replaced by a known plaintext) and their top-level key listed as secret.
/// </summary>
internal static class PulumiConfigEmulator
{
    public const string DecryptedSecret = "https://hooks.slack.com/services/T0000/B0000/decrypted-secret-value";

    public static (Dictionary<string, string> Values, HashSet<string> SecretKeys) FromStackFile(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        var config = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("config")];

        var values = new Dictionary<string, string>();
        var secretKeys = new HashSet<string>();
        foreach (var (keyNode, valueNode) in config.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            var hasSecret = false;
            var json = ToJson(valueNode, ref hasSecret);
            values[key] = valueNode is YamlScalarNode scalar ? scalar.Value! : json!.ToJsonString();
            if (hasSecret) secretKeys.Add(key);
        }
        return (values, secretKeys);
    }

    private static JsonNode? ToJson(YamlNode node, ref bool hasSecret)
    {
        switch (node)
        {
            case YamlMappingNode map when map.Children.Count == 1 && map.Children.ContainsKey(new YamlScalarNode("secure")):
                hasSecret = true;
                return JsonValue.Create(DecryptedSecret);
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (k, v) in map.Children) obj[((YamlScalarNode)k).Value!] = ToJson(v, ref hasSecret);
                return obj;
            case YamlSequenceNode list:
                var array = new JsonArray();
                foreach (var item in list.Children) array.Add(ToJson(item, ref hasSecret));
                return array;
            default:
                return Scalar((YamlScalarNode)node);
        }
    }

    // Like Pulumi: plain numbers and booleans become JSON numbers and booleans; quoted text stays text.
    private static JsonNode Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain)
        {
            if (long.TryParse(text, out var integer)) return JsonValue.Create(integer);
            if (text is "true" or "false") return JsonValue.Create(text == "true");
        }
        return JsonValue.Create(text);
    }
}

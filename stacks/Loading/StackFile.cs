using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Stacks.Loading;

/// <summary>
/// Reads the <c>config:</c> map of a <c>Pulumi.&lt;stack&gt;.yaml</c> file into the neutral tree, rejecting what is
/// wrong with the file itself: too large, not UTF-8, not YAML, more than one document, aliases that expand too far,
/// a top level or <c>config:</c> that is not a map, and a <c>secure:</c> value where no secret belongs.
/// </summary>
public static class StackFile
{
    /// <summary>
    /// Loads <paramref name="path"/>; the stack name defaults to the file's (<c>Pulumi.staging.yaml</c> is
    /// <c>staging</c>). Throws <see cref="StackSettingsException"/> for every problem with the file itself.
    /// </summary>
    public static StackDocument Load(string path, string? stackName = null)
    {
        var label = Path.GetFileName(path);
        if (!File.Exists(path))
            throw new StackSettingsException([$"{label}: file not found"]);
        return Parse(stackName ?? StackNameOf(label), label, File.ReadAllBytes(path));
    }

    /// <summary>Parses stack-file text; <paramref name="fileLabel"/> names it in messages.</summary>
    public static StackDocument Parse(string stackName, string fileLabel, string yaml) =>
        Parse(stackName, fileLabel, StackFileText.Encode(yaml));

    /// <summary>Parses a stack file's bytes; <paramref name="fileLabel"/> names it in messages.</summary>
    public static StackDocument Parse(string stackName, string fileLabel, byte[] content)
    {
        var root = StackYaml.Load(fileLabel, StackFileText.Decode(fileLabel, content));
        var diagnostics = new Diagnostics(fileLabel);
        var entries = new List<KeyValuePair<string, ConfigNode>>();
        var expansion = new AliasExpansion();
        foreach (var (keyNode, valueNode) in ConfigEntries(root, fileLabel).Children)
        {
            var key = ConfigKeys.Qualify(KeyText(keyNode));
            if (!expansion.TryAdd(keyNode) || !expansion.TryAdd(valueNode))
            {
                diagnostics.Error(key, $"anchors and aliases expand the file past {AliasExpansion.MaxValues} values or " +
                    $"{AliasExpansion.MaxTextLength} characters; write the values out, or alias less");
                break;
            }
            if (ToNode(valueNode, key, ConfigKeys.IsOurs(key), diagnostics) is { } node)
                entries.Add(KeyValuePair.Create(key, node));
        }
        if (diagnostics.Errors.Count > 0) throw new StackSettingsException(diagnostics.Errors);
        return new StackDocument(stackName, fileLabel, new ConfigMap(entries));
    }

    /// <summary><c>Pulumi.staging.yaml</c> → <c>staging</c>.</summary>
    public static string StackNameOf(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        return name.StartsWith("Pulumi.", StringComparison.Ordinal) ? name["Pulumi.".Length..] : name;
    }

    // A stack file's other keys (secretsprovider, encryptionsalt, ...) belong to Pulumi.
    private static YamlMappingNode ConfigEntries(YamlNode? root, string fileLabel)
    {
        if (root is null || IsNull(root)) return new YamlMappingNode();
        if (root is not YamlMappingNode map)
            throw new StackSettingsException(
                [$"{fileLabel}: line {root.Start.Line}, column {root.Start.Column}: the top level is {Describe(root)}; a stack file is a map with a config: key"]);
        if (!map.Children.TryGetValue(new YamlScalarNode("config"), out var config) || IsNull(config))
            return new YamlMappingNode();
        return config as YamlMappingNode ?? throw new StackSettingsException(
            [$"{fileLabel}: config: expected a map of keys such as infra:environment, got {Describe(config)}"]);
    }

    private static ConfigNode? ToNode(YamlNode node, string path, bool isOurs, Diagnostics diagnostics)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                return IsNull(scalar) ? null : new ConfigScalar(scalar.Style == ScalarStyle.Plain ? AsPulumiReadsIt(scalar.Value ?? "") : scalar.Value ?? "");
            case YamlSequenceNode sequence:
                return new ConfigList(sequence.Children
                    .Select((item, i) => ToNode(item, KeyPath.Item(path, i), isOurs, diagnostics)).OfType<ConfigNode>().ToList());
            case YamlMappingNode mapping when IsSecure(mapping):
                // Only the settings' secret keys may hold one; elsewhere its plaintext would reach plain resource inputs.
                if (isOurs && !ConfigKeys.IsSecretPath(path))
                    diagnostics.Error(path, $"a secret is not allowed here; secrets belong only at {string.Join(", ", ConfigKeys.SecretPathsShown)}");
                return new ConfigSecret();
            case YamlMappingNode mapping:
                return new ConfigMap(mapping.Children
                    .Select(c => (Key: KeyText(c.Key), c.Value))
                    .Select(c => (c.Key, Value: ToNode(c.Value, KeyPath.Child(path, c.Key), isOurs, diagnostics)))
                    .Where(c => c.Value is not null)
                    .Select(c => KeyValuePair.Create(c.Key, c.Value!))
                    .ToList());
            default:
                return null;
        }
    }

    // Pulumi reads a plain YAML number as a number and hands it on as JSON: 1e3 and 1024.0 arrive as 1000 and 1024,
    // so the file reads as the program and the runner will see it.
    private static string AsPulumiReadsIt(string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            return whole.ToString(CultureInfo.InvariantCulture);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            return JsonValue.Create(number).ToJsonString();
        return text;
    }

    private static string KeyText(YamlNode key) => key is YamlScalarNode scalar ? scalar.Value ?? "" : Describe(key);

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a map",
        YamlScalarNode scalar => Shown.Text(scalar.Value ?? ""),
        _ => "a value",
    };

    // `key:` with nothing after it, or `~`, means "not set", as in Pulumi.
    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain } scalar && scalar.Value is null or "" or "~" or "null";

    private static bool IsSecure(YamlMappingNode mapping) =>
        mapping.Children.Count == 1 && mapping.Children.Keys.Single() is YamlScalarNode { Value: "secure" };
}

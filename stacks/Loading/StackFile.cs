using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Stacks.Loading;

/// <summary>Reads the <c>config:</c> map of a <c>Pulumi.&lt;stack&gt;.yaml</c> file into the neutral tree.</summary>
public static class StackFile
{
    /// <summary>
    /// Loads <paramref name="path"/>. Throws <see cref="StackSettingsException"/> when the file is missing or is not YAML.
    /// </summary>
    public static StackDocument Load(string path)
    {
        var label = Path.GetFileName(path);
        if (!File.Exists(path))
            throw new StackSettingsException([$"{label}: file not found"]);
        return Parse(StackNameOf(label), label, File.ReadAllText(path));
    }

    /// <summary>Parses stack-file text; <paramref name="fileLabel"/> names it in messages.</summary>
    public static StackDocument Parse(string stackName, string fileLabel, string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new StackSettingsException(
                [$"{fileLabel}: line {e.Start.Line}, column {e.Start.Column}: not valid YAML: {e.InnerException?.Message ?? e.Message}"]);
        }

        var config = ConfigMap.Empty;
        if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
            && root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode))
        {
            // A stack file's other keys (secretsprovider, encryptionsalt, ...) belong to Pulumi.
            config = ToNode(configNode) as ConfigMap ?? ConfigMap.Empty;
        }

        var qualified = config.Entries.Select(e => KeyValuePair.Create(ConfigKeys.Qualify(e.Key), e.Value))
            .Select(e => KeyValuePair.Create(e.Key, MapFromJsonText(e.Key, e.Value)))
            .ToList();
        return new StackDocument(stackName, fileLabel, new ConfigMap(qualified));
    }

    /// <summary><c>Pulumi.staging.yaml</c> → <c>staging</c>.</summary>
    public static string StackNameOf(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        return name.StartsWith("Pulumi.", StringComparison.Ordinal) ? name["Pulumi.".Length..] : name;
    }

    private static ConfigNode? ToNode(YamlNode node) => node switch
    {
        YamlScalarNode scalar => IsNull(scalar) ? null : new ConfigScalar(scalar.Value ?? ""),
        YamlSequenceNode sequence => new ConfigList(sequence.Children.Select(ToNode).OfType<ConfigNode>().ToList()),
        YamlMappingNode mapping when IsSecure(mapping) => new ConfigSecret(),
        YamlMappingNode mapping => new ConfigMap(mapping.Children
            .Select(c => (Key: (c.Key as YamlScalarNode)?.Value ?? c.Key.ToString(), Value: ToNode(c.Value)))
            .Where(c => c.Value is not null)
            .Select(c => KeyValuePair.Create(c.Key, c.Value!))
            .ToList()),
        _ => null,
    };

    // `pulumi config set KEY '{...}'` stores a map as one JSON string; the program parses it (ConfigValues), so do we.
    private static ConfigNode MapFromJsonText(string key, ConfigNode node) =>
        node is ConfigScalar scalar && !ConfigKeys.Scalars.Contains(key) && scalar.Text.TrimStart().StartsWith('{')
            ? ConfigValues.FromJsonText(scalar.Text, scalar.IsSecret)
            : node;

    // `key:` with nothing after it, or `~`, means "not set", as in Pulumi.
    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null";

    private static bool IsSecure(YamlMappingNode mapping) =>
        mapping.Children.Count == 1 && mapping.Children.Keys.Single() is YamlScalarNode { Value: "secure" };
}

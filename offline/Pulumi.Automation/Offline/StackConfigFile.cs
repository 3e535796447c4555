using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Pulumi.Automation.Offline;

/// <summary>
/// Reads and writes the <c>config:</c> map of <c>Pulumi.&lt;stack&gt;.yaml</c> as the CLI's local config does:
/// plain values as YAML scalars, nested paths as maps, secrets as <c>secure:</c> entries. With a passphrase (see
/// <see cref="PassphraseSecrets"/>) secrets are encrypted and read decrypted, as the CLI's passphrase provider does;
/// without one, or for another provider's ciphertext, there is nothing to decrypt with: a secret is written as a
/// placeholder (its value is not kept) and read as the placeholder.
/// </summary>
internal sealed class StackConfigFile(StackFiles files)
{
    public const string SecretPlaceholder = "[secret]";

    public string ProjectName => ProjectFile.Load(files).Name;

    /// <summary>Every top-level key, structured values as JSON text (as <c>pulumi config --json</c> gives them).</summary>
    public IReadOnlyDictionary<string, (string Value, bool IsSecret)> ReadAll()
    {
        var result = new Dictionary<string, (string, bool)>(StringComparer.Ordinal);
        var root = LoadRoot(files.ConfigPath);
        var secrets = Secrets(root);
        foreach (var (key, node) in ConfigMap(root, create: false)?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var name = ((YamlScalarNode)key).Value!;
            result[name.Contains(':') ? name : $"{ProjectName}:{name}"] = Render(node, secrets);
        }

        return result;
    }

    /// <summary>The value at <paramref name="key"/>, or null when it is not set.</summary>
    public (string Value, bool IsSecret)? Read(ConfigKeyPath key)
    {
        var root = LoadRoot(files.ConfigPath);
        var node = Find(ConfigMap(root, create: false), key);
        return node is null ? null : Render(node, Secrets(root));
    }

    public void Write(ConfigKeyPath key, string value, bool isSecret)
    {
        var root = LoadRoot(files.ConfigPath);
        var map = ConfigMap(root, create: true)!;
        var name = ExistingKey(map, key.TopKey);
        foreach (var segment in key.Segments)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(name), out var child) || child is not YamlMappingNode childMap || IsSecure(childMap))
            {
                childMap = new YamlMappingNode();
                map.Children[new YamlScalarNode(name)] = childMap;
            }

            map = childMap;
            name = segment;
        }

        map.Children[new YamlScalarNode(name)] = isSecret
            ? new YamlMappingNode { { "secure", SecretsForWriting(root)?.Encrypt(value) ?? SecretPlaceholder } }
            : new YamlScalarNode(value);
        Save(root);
    }

    /// <summary>Removes the value; removing a key that is not set does nothing, as in the CLI.</summary>
    public void Remove(ConfigKeyPath key)
    {
        var root = LoadRoot(files.ConfigPath);
        var parent = ConfigMap(root, create: false);
        if (parent is null) return;
        var name = ExistingKey(parent, key.TopKey);
        foreach (var segment in key.Segments)
        {
            if (!parent.Children.TryGetValue(new YamlScalarNode(name), out var child) || child is not YamlMappingNode childMap) return;
            parent = childMap;
            name = segment;
        }

        if (parent.Children.Remove(new YamlScalarNode(name))) Save(root);
    }

    private YamlNode? Find(YamlMappingNode? map, ConfigKeyPath key)
    {
        if (map is null) return null;
        YamlNode? node = map.Children.TryGetValue(new YamlScalarNode(ExistingKey(map, key.TopKey)), out var top) ? top : null;
        foreach (var segment in key.Segments)
        {
            node = node is YamlMappingNode child && child.Children.TryGetValue(new YamlScalarNode(segment), out var next) ? next : null;
        }

        return node;
    }

    // Stack files may spell a project key without its namespace (environment for infra:environment).
    private string ExistingKey(YamlMappingNode map, string qualified)
    {
        var prefix = ProjectName + ":";
        if (qualified.StartsWith(prefix, StringComparison.Ordinal)
            && !map.Children.ContainsKey(new YamlScalarNode(qualified))
            && map.Children.ContainsKey(new YamlScalarNode(qualified[prefix.Length..])))
        {
            return qualified[prefix.Length..];
        }

        return qualified;
    }

    // As `pulumi config --json --show-secrets` gives a value: an object's secure values decrypted in place (the
    // placeholder where they cannot be), and the whole value secret when it holds a secret anywhere (the CLI's config.Value.Secure()).
    private static (string Value, bool IsSecret) Render(YamlNode node, PassphraseSecrets? secrets)
    {
        string Secure(string ciphertext) => secrets?.Decrypt(ciphertext) ?? SecretPlaceholder;
        return node switch
        {
            YamlMappingNode map when IsSecure(map) => (Secure(YamlJson.Ciphertext(map)), true),
            YamlScalarNode scalar => (scalar.Value ?? "", false),
            // A structure with a secret inside is secret as a whole, as the CLI marks it.
            _ => (YamlJson.ToJson(node, Secure)?.ToJsonString() ?? "null", YamlJson.ContainsSecure(node)),
        };
    }

    private const string EncryptionSaltKey = "encryptionsalt";

    private PassphraseSecrets? Secrets(YamlMappingNode root) =>
        PassphraseSecrets.For(root.Children.TryGetValue(new YamlScalarNode(EncryptionSaltKey), out var salt) ? (salt as YamlScalarNode)?.Value : null, Variable);

    /// <summary>As the CLI's <c>config set --secret</c>: with a passphrase and no salt yet, the stack file gets a new <c>encryptionsalt</c> first.</summary>
    private PassphraseSecrets? SecretsForWriting(YamlMappingNode root)
    {
        if (!root.Children.ContainsKey(new YamlScalarNode(EncryptionSaltKey)) && PassphraseSecrets.Passphrase(Variable) is { } phrase)
        {
            root.Children[new YamlScalarNode(EncryptionSaltKey)] = new YamlScalarNode(PassphraseSecrets.NewSalt(phrase));
        }

        return Secrets(root);
    }

    // The workspace's environment variables first, then the process's, as the CLI it stands in for would see them.
    private string? Variable(string name) =>
        files.Environment.TryGetValue(name, out var own) ? own : System.Environment.GetEnvironmentVariable(name);

    private static bool IsSecure(YamlMappingNode map) => YamlJson.IsSecure(map);

    private static YamlMappingNode LoadRoot(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root ? root : new YamlMappingNode();
    }

    private static YamlMappingNode? ConfigMap(YamlMappingNode root, bool create)
    {
        if (root.Children.TryGetValue(new YamlScalarNode("config"), out var config) && config is YamlMappingNode map) return map;
        if (!create) return null;
        map = new YamlMappingNode();
        root.Children[new YamlScalarNode("config")] = map;
        return map;
    }

    private void Save(YamlMappingNode root)
    {
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString();
        // YamlDotNet ends a document with "...": the CLI's files do not.
        if (text.EndsWith("...\n", StringComparison.Ordinal)) text = text[..^4];
        File.WriteAllText(files.ConfigPath, text);
    }
}

using System.Text.Json.Nodes;

namespace Infra.Stacks.Loading;

/// <summary>
/// A stack file's config in the shape the Pulumi engine hands a program (<c>PULUMI_CONFIG</c> and
/// <c>PULUMI_CONFIG_SECRET_KEYS</c>) and the CLI hands the Automation API (<c>pulumi config --json --show-secrets</c>):
/// plain text for scalars, JSON text for maps and lists with every secret decrypted, and each top-level key that
/// holds a secret anywhere marked secret. Secure values cannot be decrypted here: they become
/// <see cref="SecretPlaceholder"/>, which the settings read as a secret that is set.
/// </summary>
public sealed record PulumiConfigValues(IReadOnlyDictionary<string, string> Values, IReadOnlySet<string> SecretKeys)
{
    public const string SecretPlaceholder = "[secret from the stack file]";

    /// <summary>What the Pulumi CLI shows for a secret it does not reveal (its config listing without --show-secrets).</summary>
    private const string UnrevealedSecret = "[secret]";

    /// <summary>
    /// Whether a secret's text is a stand-in rather than its value, so a check of the value cannot run here: the
    /// program, which Pulumi hands the value decrypted, checks it before declaring anything.
    /// </summary>
    public static bool IsStandIn(string secretText) => secretText is SecretPlaceholder or UnrevealedSecret;

    public static PulumiConfigValues From(StackDocument document)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var secretKeys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, node) in document.Config.Entries)
        {
            values[key] = node switch
            {
                ConfigScalar scalar => scalar.Text,
                ConfigSecret => SecretPlaceholder,
                _ => ToJson(node)!.ToJsonString(),
            };
            if (ContainsSecret(node)) secretKeys.Add(key);
        }
        return new PulumiConfigValues(values, secretKeys);
    }

    private static JsonNode? ToJson(ConfigNode node) => node switch
    {
        ConfigScalar scalar => JsonValue.Create(scalar.Text),
        ConfigSecret => JsonValue.Create(SecretPlaceholder),
        ConfigList list => new JsonArray(list.Items.Select(ToJson).ToArray()),
        ConfigMap map => new JsonObject(map.Entries.Select(e => KeyValuePair.Create(e.Key, ToJson(e.Value)))),
        _ => null,
    };

    private static bool ContainsSecret(ConfigNode node) => node switch
    {
        ConfigSecret => true,
        ConfigScalar scalar => scalar.IsSecret,
        ConfigList list => list.Items.Any(ContainsSecret),
        ConfigMap map => map.Entries.Any(e => ContainsSecret(e.Value)),
        _ => false,
    };
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Stacks.Loading;

namespace Infra.Runner.Plan;

/// <summary>
/// A stack file's config in the shape the engine hands a program (PULUMI_CONFIG and PULUMI_CONFIG_SECRET_KEYS).
/// Secure values cannot be decrypted here: they become a placeholder that the program holds as a secret.
/// </summary>
public sealed record StackFileConfig(IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> SecretKeys)
{
    public const string SecretPlaceholder = "[secret from the stack file]";

    public static StackFileConfig From(StackDocument document)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var secretKeys = new List<string>();
        foreach (var (key, node) in document.Config.Entries)
        {
            values[key] = node is ConfigScalar scalar ? scalar.Text : ToJson(node)!.ToJsonString();
            if (node is ConfigSecret) values[key] = SecretPlaceholder;
            if (ContainsSecret(node)) secretKeys.Add(key);
        }
        return new StackFileConfig(values, secretKeys);
    }

    /// <summary>Sets the variables for the in-process run and restores the previous ones when disposed.</summary>
    public IDisposable Apply()
    {
        var previous = (Environment.GetEnvironmentVariable("PULUMI_CONFIG"), Environment.GetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS"));
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", JsonSerializer.Serialize(Values));
        Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", JsonSerializer.Serialize(SecretKeys));
        return new Restore(previous);
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

    private sealed class Restore((string? Config, string? SecretKeys) previous) : IDisposable
    {
        public void Dispose()
        {
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", previous.Config);
            Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", previous.SecretKeys);
        }
    }
}

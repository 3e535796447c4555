using System.Text.Json;
using Infra.Stacks.Settings;
using Pulumi;

namespace Infra.Components.Observability;

/// <summary>Reads a secret setting's value from Pulumi config, as a secret output, e.g. <c>infra:alerting.slackWebhookUrl</c>.</summary>
public static class SecretConfig
{
    public static Output<string> Read(SecretSetting setting)
    {
        var (configNamespace, key, path) = Split(setting.KeyPath);
        var config = new Config(configNamespace);
        if (path.Length == 0) return config.RequireSecret(key);
        return config.RequireSecretObject<JsonElement>(key).Apply(value =>
        {
            foreach (var part in path)
            {
                // A list item's part reads "name[i]".
                var bracket = part.IndexOf('[');
                var property = bracket < 0 ? part : part[..bracket];
                if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(property, out value))
                    throw new InvalidOperationException($"config {setting.KeyPath} is not set");
                if (bracket < 0) continue;
                var index = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
                if (value.ValueKind != JsonValueKind.Array || index >= value.GetArrayLength())
                    throw new InvalidOperationException($"config {setting.KeyPath} is not set");
                value = value[index];
            }
            return value.GetString() ?? throw new InvalidOperationException($"config {setting.KeyPath} is not a string");
        });
    }

    /// <summary><c>ns:key.a.b</c> into the config namespace, the top-level key and the path inside its value.</summary>
    public static (string Namespace, string Key, string[] Path) Split(string keyPath)
    {
        var colon = keyPath.IndexOf(':');
        var parts = keyPath[(colon + 1)..].Split('.');
        return (keyPath[..colon], parts[0], parts[1..]);
    }
}

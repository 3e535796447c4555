using System.Collections.Immutable;
using System.Text.Json;

namespace Pulumi.Engine
{
    /// <summary>The stack configuration the engine hands a program: PULUMI_CONFIG and PULUMI_CONFIG_SECRET_KEYS.</summary>
    internal sealed class ConfigStore
    {
        private readonly ImmutableDictionary<string, string> _values;

        public ImmutableHashSet<string> SecretKeys { get; }

        private ConfigStore(ImmutableDictionary<string, string> values, ImmutableHashSet<string> secretKeys)
        {
            _values = values;
            SecretKeys = secretKeys;
        }

        public static ConfigStore Current => Deployment.CurrentRun.Config;

        public string? Get(string fullKey) => _values.TryGetValue(fullKey, out var value) ? value : null;

        public static ConfigStore FromEnvironment()
        {
            var values = ImmutableDictionary<string, string>.Empty;
            var json = Environment.GetEnvironmentVariable("PULUMI_CONFIG");
            if (!string.IsNullOrEmpty(json))
            {
                values = JsonSerializer.Deserialize<Dictionary<string, string>>(json)!
                    .ToImmutableDictionary(pair => NormalizeKey(pair.Key), pair => pair.Value);
            }
            var secrets = ImmutableHashSet<string>.Empty;
            var secretJson = Environment.GetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS");
            if (!string.IsNullOrEmpty(secretJson))
            {
                secrets = JsonSerializer.Deserialize<string[]>(secretJson)!.Select(NormalizeKey).ToImmutableHashSet();
            }
            return new ConfigStore(values, secrets);
        }

        // Older engines spell keys "project:config:key"; both forms mean "project:key".
        private static string NormalizeKey(string key)
        {
            var parts = key.Split(':');
            return parts.Length == 3 && parts[1] == "config" ? $"{parts[0]}:{parts[2]}" : key;
        }
    }
}

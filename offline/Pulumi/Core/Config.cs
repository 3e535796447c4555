using System.Text.Json;

namespace Pulumi
{
    /// <summary>
    /// A namespace of stack configuration, read from the PULUMI_CONFIG environment variable as the engine sets it
    /// (a JSON object of "namespace:key" to string); secret keys are listed in PULUMI_CONFIG_SECRET_KEYS.
    /// </summary>
    public sealed class Config
    {
        private readonly string _name;

        public Config(string? name = null)
        {
            name ??= Deployment.Instance.ProjectName;
            if (name.EndsWith(":config", StringComparison.Ordinal)) name = name[..^":config".Length];
            _name = name;
        }

        public string? Get(string key) => Engine.ConfigStore.Current.Get(FullKey(key));

        public Output<string>? GetSecret(string key) => Get(key) is { } value ? Output.CreateSecret(value) : null;

        public bool? GetBoolean(string key) => Get(key) switch
        {
            null => null,
            "true" => true,
            "false" => false,
            var v => throw new ConfigTypeException(FullKey(key), v, "bool"),
        };

        public Output<bool>? GetSecretBoolean(string key) => GetBoolean(key) is { } value ? Output.CreateSecret(value) : null;

        public int? GetInt32(string key) => Get(key) switch
        {
            null => null,
            var v when int.TryParse(v, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var i) => i,
            var v => throw new ConfigTypeException(FullKey(key), v, "int"),
        };

        public Output<int>? GetSecretInt32(string key) => GetInt32(key) is { } value ? Output.CreateSecret(value) : null;

        public T? GetObject<T>(string key)
        {
            var value = Get(key);
            if (value is null) return default;
            try
            {
                return JsonSerializer.Deserialize<T>(value);
            }
            catch (JsonException e)
            {
                throw new ConfigTypeException(FullKey(key), value, typeof(T).FullName!, e);
            }
        }

        public Output<T>? GetSecretObject<T>(string key) => Get(key) is null ? null : Output.CreateSecret(GetObject<T>(key)!);

        public string Require(string key) => Get(key) ?? throw new ConfigMissingException(FullKey(key));

        public Output<string> RequireSecret(string key) => Output.CreateSecret(Require(key));

        public bool RequireBoolean(string key) => GetBoolean(key) ?? throw new ConfigMissingException(FullKey(key));

        public Output<bool> RequireSecretBoolean(string key) => Output.CreateSecret(RequireBoolean(key));

        public int RequireInt32(string key) => GetInt32(key) ?? throw new ConfigMissingException(FullKey(key));

        public Output<int> RequireSecretInt32(string key) => Output.CreateSecret(RequireInt32(key));

        public T RequireObject<T>(string key) => Get(key) is null ? throw new ConfigMissingException(FullKey(key)) : GetObject<T>(key)!;

        public Output<T> RequireSecretObject<T>(string key) => Output.CreateSecret(RequireObject<T>(key));

        private string FullKey(string key) => $"{_name}:{key}";

        private sealed class ConfigTypeException : RunException
        {
            public ConfigTypeException(string key, object value, string expectedType, Exception? inner = null)
                : base($"Configuration '{key}' value '{value}' is not a valid {expectedType}", inner)
            {
            }
        }

        private sealed class ConfigMissingException : RunException
        {
            public ConfigMissingException(string key)
                : base($"Missing Required configuration variable '{key}'\n\tplease set a value using the command `pulumi config set {key} <value>`")
            {
            }
        }
    }
}

using System.Text.Json;
using Infra.Stacks.Loading;
using Infra.Stacks.Settings;
using Pulumi;

namespace Infra;

/// <summary>Reads the stack's settings from Pulumi config into the same records the stack files load into.</summary>
public static class PulumiStackSettings
{
    /// <summary>
    /// The engine hands config to the program as PULUMI_CONFIG (keys) and PULUMI_CONFIG_SECRET_KEYS; values are read
    /// through <see cref="Config"/>. Every problem is reported at once; warnings go to the engine's log.
    /// </summary>
    public static StackSettings Read()
    {
        var values = new Dictionary<string, string>();
        // Every key, not only ours: the loader rejects unknown namespaces the way it does for the plan and the runner.
        foreach (var key in ConfiguredKeys())
        {
            var separator = key.IndexOf(':');
            var value = new Config(key[..separator]).Get(key[(separator + 1)..]);
            if (value is not null) values[key] = value;
        }
        var result = StackSettingsLoader.FromConfigValues(Deployment.Instance.StackName, values, SecretKeys());
        foreach (var warning in result.Warnings) Log.Warn(warning);
        return result.GetValidOrThrow();
    }

    private static IEnumerable<string> ConfiguredKeys() =>
        ReadEnvironmentJson<Dictionary<string, string>>("PULUMI_CONFIG")?.Keys ?? Enumerable.Empty<string>();

    private static HashSet<string> SecretKeys() =>
        new(ReadEnvironmentJson<string[]>("PULUMI_CONFIG_SECRET_KEYS") ?? Array.Empty<string>());

    private static T? ReadEnvironmentJson<T>(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } json ? JsonSerializer.Deserialize<T>(json) : default;
}

using System.Text.Json;
using Infra.Stacks.Loading;

namespace Infra.Runner.Plan;

/// <summary>
/// Hands a stack file's config to the in-process program the way the engine does (PULUMI_CONFIG and
/// PULUMI_CONFIG_SECRET_KEYS), in the shape the settings loader reads for everyone (<see cref="PulumiConfigValues"/>).
/// </summary>
public sealed record StackFileConfig(PulumiConfigValues Config)
{
    public static StackFileConfig From(StackDocument document) => new(PulumiConfigValues.From(document));

    /// <summary>Sets the variables for the in-process run and restores the previous ones when disposed.</summary>
    public IDisposable Apply()
    {
        var previous = (Environment.GetEnvironmentVariable("PULUMI_CONFIG"), Environment.GetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS"));
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", JsonSerializer.Serialize(Config.Values));
        Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", JsonSerializer.Serialize(Config.SecretKeys));
        return new Restore(previous);
    }

    private sealed class Restore((string? Config, string? SecretKeys) previous) : IDisposable
    {
        public void Dispose()
        {
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", previous.Config);
            Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", previous.SecretKeys);
        }
    }
}

using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Tests.Components.Traffic;

/// <summary>
/// Settings for the network, traffic and compute tests: the repository's stack files (production: two services
/// behind HTTPS; staging: one service over HTTP), and small stacks written as YAML for a single setting.
/// </summary>
internal static class TrafficStacks
{
    public static StackSettings Production { get; } = StackSettingsLoader.FromFile(RepoPaths.StackFile("production")).GetValidOrThrow();
    public static StackSettings Staging { get; } = StackSettingsLoader.FromFile(RepoPaths.StackFile("staging")).GetValidOrThrow();

    /// <summary>A staging stack with one service <c>web</c>; <paramref name="configLines"/> are appended under <c>config:</c>.</summary>
    public static StackSettings StagingWith(params string[] configLines)
    {
        var yaml = string.Join("\n", new[]
        {
            "config:",
            "  aws:region: eu-west-1",
            "  infra:environment: staging",
        }.Concat(configLines.Select(l => "  " + l)));
        return StackSettingsLoader.FromDocument(StackFile.Parse("staging", "Pulumi.staging.yaml", yaml)).GetValidOrThrow();
    }

    /// <summary>The services block of a one-service stack, with extra lines for <c>web</c>.</summary>
    public static string[] WebService(params string[] serviceLines) =>
    [
        "infra:services:",
        "  web:",
        "    image:",
        "      blue: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.0",
        .. serviceLines.Select(l => "    " + l),
    ];
}

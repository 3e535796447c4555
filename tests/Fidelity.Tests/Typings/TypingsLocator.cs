using System.Xml.Linq;

namespace Fidelity.Tests.Typings;

/// <summary>
/// Finds the unpacked npm typings of a Pulumi provider package at the version pinned for its NuGet package:
/// the folder named by an environment variable (set by ./build.sh), else <c>&lt;repo&gt;/.cache/npm/pulumi-&lt;pkg&gt;-&lt;version&gt;/package</c>.
/// Missing typings are a failure, never a skip.
/// </summary>
public static class TypingsLocator
{
    /// <param name="provider">The package's short name: <c>aws</c> or <c>random</c>.</param>
    /// <param name="environmentVariable">e.g. <c>PULUMI_AWS_TYPINGS</c>.</param>
    public static NpmPackageTypings Locate(string provider, string environmentVariable) =>
        Locate(provider, environmentVariable, Environment.GetEnvironmentVariable(environmentVariable), RepoRoot());

    /// <param name="fromEnvironment">The environment variable's value (tests pass it rather than set process state).</param>
    public static NpmPackageTypings Locate(string provider, string environmentVariable, string? fromEnvironment, string repoRoot)
    {
        var version = PinnedVersion(repoRoot, "Pulumi." + Names.Pascal(provider));
        var fallback = Path.Combine(repoRoot, ".cache", "npm", $"pulumi-{provider}-{version}", "package");
        var folder = string.IsNullOrEmpty(fromEnvironment) ? fallback : fromEnvironment;
        if (!File.Exists(Path.Combine(folder, "package.json")))
            throw new InvalidOperationException(
                $"The @pulumi/{provider} {version} typings are missing: no package.json in {folder} " +
                $"(from {(string.IsNullOrEmpty(fromEnvironment) ? "the default cache folder; " + environmentVariable + " is not set" : environmentVariable)}). " +
                "Run ./build.sh test, which fetches them with npm pack.");

        var typings = NpmPackageTypings.Load(folder);
        if (typings.Version != version)
            throw new InvalidOperationException(
                $"{folder} holds {typings.Label}, but Directory.Packages.props pins Pulumi.{Names.Pascal(provider)} {version}. " +
                "Run ./build.sh test to fetch the matching typings.");
        return typings;
    }

    /// <summary>The folder holding Infra.sln, walking up from the test binaries.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Infra.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No Infra.sln above {AppContext.BaseDirectory}: cannot find the repository root.");
    }

    /// <summary>The version Directory.Packages.props pins for a package.</summary>
    public static string PinnedVersion(string repoRoot, string packageId)
    {
        var props = XDocument.Load(Path.Combine(repoRoot, "Directory.Packages.props"));
        return props.Descendants("PackageVersion")
                   .FirstOrDefault(e => (string?)e.Attribute("Include") == packageId)?
                   .Attribute("Version")?.Value
               ?? throw new InvalidOperationException($"Directory.Packages.props pins no version for {packageId}.");
    }
}

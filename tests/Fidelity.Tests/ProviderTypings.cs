using Fidelity.Tests.Typings;

namespace Fidelity.Tests;

/// <summary>
/// The npm typings each test compares against, located and indexed once per test run (a full scan of the package's
/// .js files for type tokens), shared by every test class. A failure to locate them is cached and fails every user.
/// </summary>
public static class ProviderTypings
{
    private static readonly Lazy<NpmPackageTypings> AwsTypings = new(() => TypingsLocator.Locate("aws", "PULUMI_AWS_TYPINGS"));
    private static readonly Lazy<NpmPackageTypings> RandomTypings = new(() => TypingsLocator.Locate("random", "PULUMI_RANDOM_TYPINGS"));

    public static NpmPackageTypings Aws => AwsTypings.Value;

    public static NpmPackageTypings Random => RandomTypings.Value;
}

using Fidelity.Tests.Typings;

namespace Fidelity.Tests;

public sealed class TypingsLocatorTests : IDisposable
{
    private readonly string _emptyRepo = Directory.CreateTempSubdirectory("fidelity-repo-").FullName;

    public TypingsLocatorTests() =>
        File.WriteAllText(Path.Combine(_emptyRepo, "Directory.Packages.props"),
            """<Project><ItemGroup><PackageVersion Include="Pulumi.Aws" Version="7.48.0" /></ItemGroup></Project>""");

    public void Dispose() => Directory.Delete(_emptyRepo, recursive: true);

    [Fact]
    public void Missing_typings_fail_and_say_how_to_fetch_them()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TypingsLocator.Locate("aws", "PULUMI_AWS_TYPINGS", null, _emptyRepo));

        var folder = Path.Combine(_emptyRepo, ".cache", "npm", "pulumi-aws-7.48.0", "package");
        Assert.Equal(
            $"The @pulumi/aws 7.48.0 typings are missing: no package.json in {folder} (from the default cache folder; PULUMI_AWS_TYPINGS is not set). Run ./build.sh test, which fetches them with npm pack.",
            error.Message);
    }

    [Fact]
    public void The_environment_variable_wins_over_the_cache_folder()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TypingsLocator.Locate("aws", "PULUMI_AWS_TYPINGS", "/nowhere/package", _emptyRepo));

        Assert.Equal(
            "The @pulumi/aws 7.48.0 typings are missing: no package.json in /nowhere/package (from PULUMI_AWS_TYPINGS). Run ./build.sh test, which fetches them with npm pack.",
            error.Message);
    }

    [Fact]
    public void Typings_of_another_version_than_the_pinned_package_are_refused()
    {
        var folder = Path.Combine(_emptyRepo, "other", "package");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "package.json"), """{"name": "@pulumi/aws", "version": "7.0.0"}""");

        var error = Assert.Throws<InvalidOperationException>(() => TypingsLocator.Locate("aws", "PULUMI_AWS_TYPINGS", folder, _emptyRepo));

        Assert.Equal($"{folder} holds @pulumi/aws 7.0.0, but Directory.Packages.props pins Pulumi.Aws 7.48.0. Run ./build.sh test to fetch the matching typings.", error.Message);
    }

    [Fact]
    public void The_pinned_aws_typings_index_every_resource_token_and_the_provider()
    {
        var aws = ProviderTypings.Aws;

        Assert.Equal("@pulumi/aws 7.48.0", aws.Label);
        Assert.Equal("ec2/vpc.js", aws.Tokens["aws:ec2/vpc:Vpc"]);
        Assert.Equal("provider.js", aws.Tokens["pulumi:providers:aws"]);
        Assert.True(aws.Tokens.Count > 1000, $"only {aws.Tokens.Count} tokens indexed");
    }

    [Fact]
    public void The_pinned_random_typings_are_found_at_the_version_of_pulumi_random()
    {
        var random = ProviderTypings.Random;

        Assert.Equal($"@pulumi/random {TypingsLocator.PinnedVersion(TypingsLocator.RepoRoot(), "Pulumi.Random")}", random.Label);
        Assert.Equal("randomPassword.js", random.Tokens["random:index/randomPassword:RandomPassword"]);
    }
}

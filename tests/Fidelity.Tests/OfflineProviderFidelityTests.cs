using System.Reflection;
using Fidelity.Tests.Aws;

namespace Fidelity.Tests;

/// <summary>
/// Issue 2 item 4, part two: every type the offline Pulumi.Aws and Pulumi.Random declare matches the npm typings
/// of the pinned provider version (tokens, wire names, required-ness, C# names, shapes, enum values).
/// </summary>
public class OfflineProviderFidelityTests
{
    [Fact]
    public void Offline_pulumi_aws_matches_the_aws_typings()
    {
        var checker = new TypingsChecker(ProviderTypings.Aws, new SdkConventions("Pulumi.Aws"), CSharpNameRule.Load(TestFiles.AwsCSharpNames));

        var problems = checker.Check(Assembly.Load("Pulumi.Aws").GetTypes());

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Offline_pulumi_random_matches_the_random_typings()
    {
        var checker = new TypingsChecker(ProviderTypings.Random, new SdkConventions("Pulumi.Random"), CSharpNameRule.None);

        var problems = checker.Check(Assembly.Load("Pulumi.Random").GetTypes());

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}

using Fidelity.Tests.NameClash;
using Fidelity.Tests.Typings;

namespace Fidelity.Tests;

/// <summary>
/// Issue 10 item 1: no type of ours may share its name with a public type of a real package namespace that the same
/// file imports, since the real build then fails with CS0104 where the offline one compiles. The checker's own tests
/// run it on deliberately clashing fixtures (Fixtures/Clashing).
/// </summary>
public class NameClashTests
{
    private static readonly string[] ProductFolders = ["stacks", "components", "infra", "runner", "ledger"];

    private static readonly Lazy<RealTypeCatalog> Catalog = new(() =>
    {
        var catalog = new RealTypeCatalog();
        foreach (var listing in new[] { "Pulumi.PublicAPI.Shipped.txt", "Pulumi.Automation.PublicAPI.Shipped.txt" })
            catalog.AddListing(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Reference", listing)), listing);
        foreach (var listing in new[] { "CloudWatchMembers.txt", "SecretsManagerMembers.txt", "ElasticLoadBalancingV2Members.txt", "SimpleNotificationServiceMembers.txt" })
            catalog.AddListing(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, listing)), listing);
        catalog.AddProvider(ProviderTypings.Aws, "Pulumi.Aws");
        catalog.AddProvider(ProviderTypings.Random, "Pulumi.Random");
        return catalog;
    });

    private static NameClashChecker Checker => new(Catalog.Value);

    [Fact]
    public void No_product_type_shares_its_name_with_a_real_type_its_importing_files_also_import()
    {
        var files = ProductSources.Load(TypingsLocator.RepoRoot(), ProductFolders);

        var problems = Checker.Check(files);

        Assert.NotEmpty(files);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void A_file_importing_our_namespace_and_a_real_one_that_both_declare_a_name_it_uses_is_reported_per_name()
    {
        Assert.Equal(
        [
            "tests/Fidelity.Tests/Fixtures/Clashing/ImportsBoth.cs: imports Fidelity.Tests.Fixtures.Clashing.Settings (tests/Fidelity.Tests/Fixtures/Clashing/ImportsBoth.cs:1) " +
            "and Pulumi.Automation (tests/Fidelity.Tests/Fixtures/Clashing/ImportsBoth.cs:2); both declare StackSettings (ours at tests/Fidelity.Tests/Fixtures/Clashing/Settings.cs:5, " +
            "the real one in Pulumi.Automation.PublicAPI.Shipped.txt), so with the real packages 'StackSettings' is ambiguous there (CS0104): name it through a using alias or rename ours",
            "tests/Fidelity.Tests/Fixtures/Clashing/ImportsBoth.cs: imports Fidelity.Tests.Fixtures.Clashing.Settings (tests/Fidelity.Tests/Fixtures/Clashing/ImportsBoth.cs:1) " +
            "and Pulumi.Aws.Sns (tests/Fidelity.Tests/Fixtures/Clashing/ImportsBoth.cs:3); both declare PlatformApplication (ours at tests/Fidelity.Tests/Fixtures/Clashing/Settings.cs:7, " +
            "the real one in @pulumi/aws 7.48.0 typings), so with the real packages 'PlatformApplication' is ambiguous there (CS0104): name it through a using alias or rename ours",
        ], Checker.Check(Fixtures()));
    }

    [Fact]
    public void Importing_both_namespaces_is_no_clash_while_the_file_does_not_use_the_name()
    {
        var ours = SourceScanner.Parse("Ours.cs", "namespace Ours;\npublic sealed class Config;\n", []);
        // A doc comment is no use: the compiler only resolves it when it writes documentation.
        var user = SourceScanner.Parse("User.cs", "using Ours;\nusing Pulumi;\nnamespace Elsewhere;\n/// <see cref=\"Config\"/>\npublic sealed class User;\n", []);

        Assert.Empty(Checker.Check([ours, user]));
    }

    [Fact]
    public void Two_real_namespaces_that_both_declare_a_name_the_file_uses_are_reported()
    {
        var file = SourceScanner.Parse("Stack.cs", "using Pulumi;\nusing Pulumi.Aws;\nnamespace Ours;\npublic sealed class Reads { public string? Region => new Config(\"aws\").Get(\"region\"); }\n", []);

        Assert.Equal(
            ["Stack.cs: imports Pulumi (Stack.cs:1) and Pulumi.Aws (Stack.cs:2); both declare Config (the real one in Pulumi.PublicAPI.Shipped.txt, " +
             "the real one in @pulumi/aws 7.48.0 typings), so with the real packages 'Config' is ambiguous there (CS0104): name it through a using alias"],
            Checker.Check([file]));
    }

    [Fact]
    public void A_type_of_the_file_s_own_namespace_wins_over_imports_and_is_no_clash()
    {
        var ours = SourceScanner.Parse("Ours.cs", "namespace Ours;\npublic sealed class StackSettings;\n", []);
        var user = SourceScanner.Parse("User.cs", "using Pulumi.Automation;\nnamespace Ours.Runner;\npublic sealed record User(StackSettings Settings);\n", []);

        Assert.Empty(Checker.Check([ours, user]));
    }

    [Fact]
    public void A_using_alias_for_the_name_settles_it()
    {
        Assert.DoesNotContain(Checker.Check(Fixtures()), p => p.Contains("AliasesIt.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void An_imported_namespace_of_a_replaced_package_with_no_known_types_is_reported()
    {
        var file = SourceScanner.Parse("Probe.cs", "using Pulumi.Experimental;\nnamespace Probe;\npublic sealed class Converter;\n", []);

        Assert.Equal(
            ["Probe.cs:1: imports Pulumi.Experimental, of which the fidelity data (PublicAPI listings, CloudWatchMembers.txt, provider typings) knows no public type, so a name clash there cannot be seen; add its real types to that data"],
            Checker.Check([file]));
    }

    [Fact]
    public void A_global_using_or_a_project_using_item_imports_into_every_file_of_the_project()
    {
        var ours = SourceScanner.Parse("Ours.cs", "namespace Ours;\npublic sealed class Config;\n", []);
        var user = SourceScanner.Parse("User.cs", "using Ours;\nnamespace Elsewhere;\npublic sealed record User(Config Config);\n", [new Import("Pulumi", "Project.csproj")]);

        var problem = Assert.Single(Checker.Check([ours, user]));

        Assert.StartsWith("User.cs: imports Ours (User.cs:1) and Pulumi (Project.csproj); both declare Config (ours at Ours.cs:2, the real one in Pulumi.PublicAPI.Shipped.txt)", problem);
    }

    [Theory]
    [InlineData("Pulumi.Automation", "StackSettings")]
    [InlineData("Pulumi", "RunException")]
    [InlineData("Pulumi", "Union`2")]
    [InlineData("Pulumi.Aws", "Provider")]
    [InlineData("Pulumi.Aws", "Config")]
    [InlineData("Pulumi.Aws.LB", "ListenerRule")]
    [InlineData("Pulumi.Aws.LB", "ListenerRuleArgs")]
    [InlineData("Pulumi.Aws.Ec2", "GetSubnetsResult")]
    [InlineData("Pulumi.Aws.LB.Inputs", "ListenerDefaultActionArgs")]
    [InlineData("Pulumi.Aws.LB.Outputs", "ListenerDefaultAction")]
    [InlineData("Pulumi.Random", "RandomPassword")]
    [InlineData("Amazon.CloudWatch.Model", "DescribeAlarmsRequest")]
    [InlineData("Amazon.SimpleNotificationService.Model", "PublishRequest")]
    public void The_catalogue_knows_the_real_types_from_listings_and_typings(string ns, string type)
    {
        var names = Catalog.Value.TypesOf(ns)?.Keys.Select(k => k.ToString()) ?? [];

        Assert.Contains(type, names);
    }

    private static IReadOnlyList<SourceFile> Fixtures()
    {
        var root = TypingsLocator.RepoRoot();
        return Directory.EnumerateFiles(Path.Combine(root, "tests", "Fidelity.Tests", "Fixtures", "Clashing"), "*.cs")
            .Order(StringComparer.Ordinal)
            .Select(f => SourceScanner.Parse(Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f), []))
            .ToList();
    }
}

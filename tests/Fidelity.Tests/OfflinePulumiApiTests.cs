using System.Reflection;
using Fidelity.Tests.PublicApi;

namespace Fidelity.Tests;

/// <summary>
/// Issue 2 item 4, part one: every public or protected member the offline Pulumi SDK declares is in the real
/// package's PublicAPI listing, or in SourceOnlyMembers.txt with the real source file that declares it.
/// </summary>
public class OfflinePulumiApiTests
{
    // Add ("Pulumi.Automation", "Pulumi.Automation.PublicAPI.Shipped.txt") here, with a ProjectReference, once offline/ has it.
    private static readonly (string Assembly, string Listing)[] CheckedAssemblies =
    [
        ("Pulumi", "Pulumi.PublicAPI.Shipped.txt"),
        ("Pulumi.Automation", "Pulumi.Automation.PublicAPI.Shipped.txt"),
    ];

    [Fact]
    public void Every_offline_core_member_is_in_the_real_api_or_the_source_only_allow_list()
    {
        var allowList = SourceOnlyAllowList.Load(TestFiles.SourceOnlyMembers);
        var problems = CheckedAssemblies.SelectMany(checkedAssembly =>
            PublicApiChecker.FindUnknownMembers(
                checkedAssembly.Assembly,
                PublicApiRenderer.RenderAssembly(Assembly.Load(checkedAssembly.Assembly)),
                PublicApiListing.Load(Path.Combine(AppContext.BaseDirectory, "Reference", checkedAssembly.Listing)),
                allowList)).ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_source_only_entry_is_declared_by_the_offline_sdk_and_missing_from_the_listing()
    {
        var rendered = CheckedAssemblies.SelectMany(c => PublicApiRenderer.RenderAssembly(Assembly.Load(c.Assembly)));
        var listings = CheckedAssemblies.Select(c => PublicApiListing.Load(Path.Combine(AppContext.BaseDirectory, "Reference", c.Listing)));

        var problems = PublicApiChecker.FindStaleEntries("SourceOnlyMembers.txt", SourceOnlyAllowList.Load(TestFiles.SourceOnlyMembers), rendered, listings);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_source_only_entry_names_a_pulumi_dotnet_source_file()
    {
        var entries = SourceOnlyAllowList.Load(TestFiles.SourceOnlyMembers).Entries;

        Assert.All(entries, e => Assert.Matches(@"^sdk/[\w./-]+\.cs$", e.SourcePath));
    }
}

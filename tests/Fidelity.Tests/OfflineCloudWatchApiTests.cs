using System.Reflection;
using Fidelity.Tests.PublicApi;

namespace Fidelity.Tests;

/// <summary>
/// AWS SDK for .NET publishes no API listing, so CloudWatchMembers.txt is ours: every public member of the offline
/// AWSSDK.CloudWatch, each line verified against the v4 source file it names. The offline assembly must declare
/// exactly those members, no more (an invented member) and no fewer (a stale line).
/// </summary>
public class OfflineCloudWatchApiTests
{
    private static readonly string ListingPath = Path.Combine(AppContext.BaseDirectory, "CloudWatchMembers.txt");

    [Fact]
    public void Offline_cloudwatch_members_are_exactly_the_verified_list()
    {
        var expected = Listing().Select(e => e.Member).ToHashSet(StringComparer.Ordinal);
        var rendered = PublicApiRenderer.RenderAssembly(Assembly.Load("AWSSDK.CloudWatch")).ToHashSet(StringComparer.Ordinal);

        var problems = rendered.Except(expected).Select(m => $"declared offline but not in CloudWatchMembers.txt: {m}")
            .Concat(expected.Except(rendered).Select(m => $"in CloudWatchMembers.txt but not declared offline: {m}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_listed_member_names_an_aws_sdk_net_source_file()
    {
        Assert.All(Listing(), e => Assert.Matches(@"^sdk/src/Services/CloudWatch/Generated/[\w./-]+\.cs$", e.Source));
    }

    private static IReadOnlyList<(string Member, string Source)> Listing() =>
        Names.DataLines(File.ReadLines(ListingPath))
            .Select(entry => entry.Line)
            .Select(line =>
            {
                var separator = line.LastIndexOf(" | ", StringComparison.Ordinal);
                Assert.True(separator > 0, $"CloudWatchMembers.txt: '{line}' has no ' | <source file>'");
                return (line[..separator], line[(separator + 3)..]);
            })
            .ToList();
}

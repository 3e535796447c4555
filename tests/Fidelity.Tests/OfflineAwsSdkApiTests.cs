using System.Reflection;
using Fidelity.Tests.PublicApi;

namespace Fidelity.Tests;

/// <summary>
/// AWS SDK for .NET publishes no API listing, so each offline AWSSDK assembly has a members file of ours
/// (CloudWatchMembers.txt, SecretsManagerMembers.txt, ElasticLoadBalancingV2Members.txt, RdsMembers.txt, EcsMembers.txt, Route53Members.txt, ApplicationAutoScalingMembers.txt,
/// SimpleNotificationServiceMembers.txt): every public member, each line verified against the v4 source
/// file it names. The offline assembly must declare exactly those members, no more (an invented member) and no fewer
/// (a stale line).
/// </summary>
public class OfflineAwsSdkApiTests
{
    [Theory]
    [InlineData("AWSSDK.CloudWatch", "CloudWatchMembers.txt")]
    [InlineData("AWSSDK.SecretsManager", "SecretsManagerMembers.txt")]
    [InlineData("AWSSDK.ElasticLoadBalancingV2", "ElasticLoadBalancingV2Members.txt")]
    [InlineData("AWSSDK.RDS", "RdsMembers.txt")]
    [InlineData("AWSSDK.ECS", "EcsMembers.txt")]
    [InlineData("AWSSDK.Route53", "Route53Members.txt")]
    [InlineData("AWSSDK.ApplicationAutoScaling", "ApplicationAutoScalingMembers.txt")]
    [InlineData("AWSSDK.SimpleNotificationService", "SimpleNotificationServiceMembers.txt")]
    public void Offline_members_are_exactly_the_verified_list(string assembly, string listing)
    {
        var expected = Listing(listing).Select(e => e.Member).ToHashSet(StringComparer.Ordinal);
        var rendered = PublicApiRenderer.RenderAssembly(Assembly.Load(assembly)).ToHashSet(StringComparer.Ordinal);

        var problems = rendered.Except(expected).Select(m => $"declared offline but not in {listing}: {m}")
            .Concat(expected.Except(rendered).Select(m => $"in {listing} but not declared offline: {m}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("CloudWatchMembers.txt", "CloudWatch")]
    [InlineData("SecretsManagerMembers.txt", "SecretsManager")]
    [InlineData("ElasticLoadBalancingV2Members.txt", "ElasticLoadBalancingV2")]
    [InlineData("RdsMembers.txt", "RDS")]
    [InlineData("EcsMembers.txt", "ECS")]
    [InlineData("Route53Members.txt", "Route53")]
    [InlineData("ApplicationAutoScalingMembers.txt", "ApplicationAutoScaling")]
    [InlineData("SimpleNotificationServiceMembers.txt", "SimpleNotificationService")]
    public void Every_listed_member_names_an_aws_sdk_net_source_file(string listing, string service)
    {
        Assert.All(Listing(listing), e => Assert.Matches($@"^sdk/src/Services/{service}/(Generated|Custom)/[\w./-]+\.cs$", e.Source));
    }

    private static IReadOnlyList<(string Member, string Source)> Listing(string file) =>
        Names.DataLines(File.ReadLines(Path.Combine(AppContext.BaseDirectory, file)))
            .Select(entry => entry.Line)
            .Select(line =>
            {
                var separator = line.LastIndexOf(" | ", StringComparison.Ordinal);
                Assert.True(separator > 0, $"{file}: '{line}' has no ' | <source file>'");
                return (line[..separator], line[(separator + 3)..]);
            })
            .ToList();
}

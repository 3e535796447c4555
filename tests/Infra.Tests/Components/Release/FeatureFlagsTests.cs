using System.Text.Json.Nodes;
using Infra.Components.Release;
using Infra.Stacks.Settings;

namespace Infra.Tests.Components.Release;

/// <summary>
/// Issue 17 item 5, the parts without Pulumi: the hosted content in AppConfig's feature-flag schema, which flags a
/// service's profile carries, the strategy's growth type and the two policies.
/// </summary>
public class FeatureFlagsTests
{
    private static readonly FeatureFlagSettings NewCheckout = new("new_checkout", true, ValueList.Of("web"), 10, ValueList.Of("staff", "beta"));
    private static readonly FeatureFlagSettings DarkMode = new("dark-mode", false, ValueList<string>.Empty, null, null);

    [Fact]
    public void The_content_follows_the_feature_flag_schema_with_constraints_for_the_attributes_it_sets()
    {
        const string expected =
            """{"version":"1","flags":{"new_checkout":{"name":"new_checkout","attributes":{"percentage":{"constraints":{"type":"number","minimum":0,"maximum":100,"required":true}},"userGroups":{"constraints":{"type":"array","elements":{"type":"string"},"required":true}}}},"dark-mode":{"name":"dark-mode"}},"values":{"new_checkout":{"enabled":true,"percentage":10,"userGroups":["staff","beta"]},"dark-mode":{"enabled":false}}}""";
        Assert.Equal(expected,
            FeatureFlagDocument.For([NewCheckout, DarkMode]));
    }

    [Fact]
    public void A_service_carries_the_flags_naming_it_and_those_naming_no_service()
    {
        var settings = Components.Observability.ObservabilityFixtures.Production with { FeatureFlags = ValueList.Of(NewCheckout, DarkMode) };

        Assert.Equal([NewCheckout, DarkMode], FeatureFlagDocument.FlagsOf(settings, "web"));
        Assert.Equal([DarkMode], FeatureFlagDocument.FlagsOf(settings, "api"));
    }

    [Theory]
    [InlineData(FlagRolloutStrategy.Linear, "LINEAR")]
    [InlineData(FlagRolloutStrategy.Canary, "EXPONENTIAL")]
    public void Linear_grows_evenly_and_canary_starts_small_and_doubles(FlagRolloutStrategy strategy, string growthType) =>
        Assert.Equal(growthType, FeatureFlagPolicies.GrowthType(strategy));

    [Fact]
    public void AppConfig_reads_only_the_stacks_alarms_the_composite_monitor_and_those_below_it()
    {
        Assert.Equal(
            """{"Version":"2012-10-17","Statement":[{"Sid":"ReadMonitoredAlarms","Effect":"Allow","Action":["cloudwatch:DescribeAlarms"],"Resource":["arn:aws:cloudwatch:eu-west-1:123456789012:alarm:infra-production-*"]}]}""",
            FeatureFlagPolicies.MonitorRole("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:infra-production-critical", "infra-production").ToJson());
    }

    [Fact]
    public void A_task_role_reads_its_own_profile_in_the_stacks_environment_only()
    {
        var statement = JsonNode.Parse(FeatureFlagPolicies.ReadProfile("arn:aws:appconfig:eu-west-1:123456789012:application/abc1234", "env5678", "prof9012").ToJson())!
            ["Statement"]![0]!;

        Assert.Equal("""["appconfig:StartConfigurationSession","appconfig:GetLatestConfiguration"]""", statement["Action"]!.ToJsonString());
        Assert.Equal("""["arn:aws:appconfig:eu-west-1:123456789012:application/abc1234/environment/env5678/configuration/prof9012"]""",
            statement["Resource"]!.ToJsonString());
    }
}

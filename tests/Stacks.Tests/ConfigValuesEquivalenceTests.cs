using Infra.Stacks.Loading;

namespace Infra.Stacks.Tests;

public class ConfigValuesEquivalenceTests
{
    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public void Stack_file_and_pulumi_config_values_give_equal_settings(string stack)
    {
        var fromFile = StackSettingsLoader.FromFile(RepoFiles.StackFile(stack));
        var (values, secretKeys) = PulumiConfigEmulator.FromStackFile(RepoFiles.StackFile(stack));

        var fromConfig = StackSettingsLoader.FromConfigValues(stack, values, secretKeys);

        Assert.Empty(fromConfig.Errors);
        Assert.Equal(fromFile.GetValidOrThrow(), fromConfig.GetValidOrThrow());
        Assert.Equal(fromFile.Warnings, fromConfig.Warnings);
    }

    [Fact]
    public void Decrypted_secret_from_config_values_is_marked_set_and_never_kept()
    {
        var (values, secretKeys) = PulumiConfigEmulator.FromStackFile(RepoFiles.StackFile("production"));

        var settings = StackSettingsLoader.FromConfigValues("production", values, secretKeys).GetValidOrThrow();

        Assert.Contains("infra:alerting", secretKeys);
        Assert.True(settings.Alerting.SlackWebhookUrl.IsSet);
        Assert.DoesNotContain(PulumiConfigEmulator.DecryptedSecret, settings.ToString());
        Assert.DoesNotContain("hooks.slack.com", settings.ToString());
    }

    [Fact]
    public void Other_aws_keys_are_left_to_the_provider() =>
        Assert.Empty(StackBuilder.Staging().Scalar("aws:profile", "ops").Scalar("aws:skipMetadataApiCheck", "true").Load().Errors);

    [Fact]
    public void Top_level_keys_list_every_key_the_settings_read()
    {
        Assert.Equal(
            ["aws:region", "infra:environment", "infra:drRegion", "infra:network", "infra:loadBalancer", "infra:services",
             "infra:images", "infra:database", "infra:dr", "infra:alerting", "infra:alarms", "infra:rollout", "infra:releaseGuard",
             "infra:synthetics", "infra:featureFlags", "infra:featureFlagRollout"],
            ConfigKeys.TopLevel);
    }
}

using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Tests;

public class StackFilesTests
{
    [Fact]
    public void Staging_file_loads_without_errors_and_warns_only_about_http()
    {
        var result = StackSettingsLoader.FromFile(RepoFiles.StackFile("staging"));

        Assert.Empty(result.Errors);
        Assert.Equal(
            ["Pulumi.staging.yaml: infra:loadBalancer.certificateArn: not set; staging serves plain HTTP on port 80"],
            result.Warnings);
        var settings = result.GetValidOrThrow();
        Assert.Equal("staging", settings.StackName);
        Assert.Equal(StackEnvironment.Staging, settings.Environment);
        Assert.Equal(["web", "api"], settings.Services.Select(s => s.Name));
        Assert.False(settings.LoadBalancer.ServesHttps);
    }

    [Fact]
    public void Production_file_loads_without_errors_or_warnings()
    {
        var result = StackSettingsLoader.FromFile(RepoFiles.StackFile("production"));

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        var settings = result.GetValidOrThrow();
        Assert.Equal(StackEnvironment.Production, settings.Environment);
        Assert.Equal("eu-central-1", settings.DrRegion);
        Assert.Equal(["web", "api"], settings.Services.Select(s => s.Name));
        Assert.Equal("web", settings.DefaultService.Name);
        Assert.Equal("api.example.com", settings.Service("api").Host);
        Assert.Equal(Color.Green, settings.Service("api").LiveColor);
        Assert.Equal(new ColorPair<int>(0, 100), settings.Service("api").Weights);
        Assert.True(settings.Dr.Replica);
        Assert.True(settings.Dr.PilotLight);
        Assert.Equal((30, 30), (settings.Dr.RtoTargetMinutes, settings.Dr.RpoTargetSeconds));
        Assert.Equal(new SecretSetting("infra:alerting.slackWebhookUrl", true), settings.Alerting.SlackWebhookUrl);
        Assert.Equal(["oncall@example.com"], settings.Alerting.EmailsFor(Severity.Critical));
        Assert.Equal(5, settings.AlarmOverrides["targetErrorRate"].Threshold);
    }

    [Fact]
    public void A_missing_stack_file_is_one_error_naming_the_file()
    {
        var result = StackSettingsLoader.FromFile(Path.Combine(RepoFiles.Root, "Pulumi.nowhere.yaml"));

        Assert.Equal(["Pulumi.nowhere.yaml: file not found"], result.Errors);
        Assert.Null(result.Settings);
    }

    [Fact]
    public void A_map_key_holding_one_json_string_reads_as_its_map()
    {
        // How `pulumi config set infra:network '{...}'` stores a map: as one JSON string the program parses.
        var result = Expect.Yaml("staging", MinimalStack.Staging + "\n  infra:network: '{\"azCount\":3}'\n");

        Assert.Equal(3, result.GetValidOrThrow().Network.AzCount);
    }

    [Fact]
    public void Plan_stack_name_can_differ_from_the_file_name()
    {
        var result = StackSettingsLoader.FromFile(RepoFiles.StackFile("staging"), stackName: "staging-copy");

        Assert.Equal("staging-copy", result.GetValidOrThrow().StackName);
        Assert.Equal(["Pulumi.staging.yaml: infra:loadBalancer.certificateArn: not set; staging serves plain HTTP on port 80"],
            result.Warnings);
    }
}

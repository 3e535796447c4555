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
        Assert.Equal(["web"], settings.Services.Select(s => s.Name));
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
    public void Text_that_is_not_yaml_is_one_error_with_its_position()
    {
        var e = Assert.Throws<StackSettingsException>(() =>
            StackFile.Parse("staging", "Pulumi.staging.yaml", "config:\n  infra:environment: [staging\n"));

        var message = Assert.Single(e.Errors);
        Assert.StartsWith("Pulumi.staging.yaml: line ", message);
        Assert.Contains(": not valid YAML: ", message);
    }

    [Fact]
    public void A_map_key_holding_one_json_string_reads_as_its_map()
    {
        // How `pulumi config set infra:rolloutInProgress '{...}'` (the runner) stores its record.
        var document = StackFile.Parse("staging", "Pulumi.staging.yaml",
            "config:\n  infra:rolloutInProgress: '{\"id\":\"r-1\",\"stepIndex\":1}'\n  infra:environment: '{\"not\":\"parsed\"}'\n");

        var record = Assert.IsType<ConfigMap>(document.Config.Entries.Single(e => e.Key == "infra:rolloutInProgress").Value);
        Assert.Equal(["id", "stepIndex"], record.Entries.Select(e => e.Key));
        Assert.IsType<ConfigScalar>(document.Config.Entries.Single(e => e.Key == "infra:environment").Value);
    }
}

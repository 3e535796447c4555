using Pulumi;
using static Sdk.Tests.RunHelpers;

namespace Sdk.Tests;

public sealed class ConfigTests : IDisposable
{
    public ConfigTests()
    {
        Environment.SetEnvironmentVariable("PULUMI_CONFIG",
            "{\"infra:environment\":\"staging\",\"infra:network\":\"{\\\"azCount\\\":2,\\\"cidr\\\":\\\"10.0.0.0/16\\\"}\"," +
            "\"infra:alerting\":\"{\\\"slackWebhookUrl\\\":\\\"https://hooks.example/T1\\\"}\",\"aws:region\":\"eu-west-1\",\"infra:replicas\":\"3\"}");
        Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", "[\"infra:alerting\"]");
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", null);
        Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", null);
    }

    public sealed record NetworkConfig(int azCount, string cidr);

    [Fact]
    public async Task Config_reads_plain_structured_and_secret_values_from_the_engine_environment()
    {
        string? environment = null, region = null, missing = null;
        int? replicas = null;
        NetworkConfig? network = null;
        Output<string>? secret = null;
        await RunAsync(new RecordingMocks(), () =>
        {
            var config = new Config("infra");
            environment = config.Require("environment");
            replicas = config.GetInt32("replicas");
            network = config.RequireObject<NetworkConfig>("network");
            secret = config.RequireSecret("alerting");
            missing = config.Get("absent");
            region = new Config("aws").Get("region");
        });

        Assert.Equal("staging", environment);
        Assert.Equal(3, replicas);
        Assert.Equal(new NetworkConfig(2, "10.0.0.0/16"), network);
        Assert.Null(missing);
        Assert.Equal("eu-west-1", region);
        Assert.True(await Output.IsSecretAsync(secret!));
        Assert.Contains("hooks.example", await ValueAsync(secret!));
    }

    [Fact]
    public async Task Config_defaults_to_the_project_namespace()
    {
        string? environment = null;
        await RunAsync(new RecordingMocks(), () => { environment = new Config().Get("environment"); });

        Assert.Equal("staging", environment);
    }

    [Fact]
    public async Task A_missing_required_key_fails_the_run_with_the_key_and_the_fix()
    {
        var error = await Assert.ThrowsAsync<RunException>(() => RunAsync(new RecordingMocks(), () =>
        {
            new Config("infra").Require("database");
        }));

        // The real SDK's missing-config error is a RunException, so its message is logged without a stack trace.
        Assert.Equal("Missing Required configuration variable 'infra:database'\n\tplease set a value using the command `pulumi config set infra:database <value>`", error.Message);
    }
}

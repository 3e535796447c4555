using Pulumi.Automation;
using Runner.Tests.Adapters.Support;

namespace Runner.Tests.Adapters;

/// <summary>The offline workspace's config file handling that the adapter relies on.</summary>
public sealed class OfflineWorkspaceTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("workspace-").FullName;

    public OfflineWorkspaceTests()
    {
        File.WriteAllText(Path.Combine(folder, "Pulumi.yaml"), "name: infra\nruntime: dotnet\n");
        File.WriteAllText(StackPath, "config:\n  environment: staging\n  infra:rollout:\n    steps: [25, 100]\n");
    }

    private string StackPath => Path.Combine(folder, "Pulumi.test.yaml");

    [OfflineSdkFact("asserts how the offline workspace writes a secret into the stack file")]
    public async Task A_secret_is_written_as_a_placeholder_and_never_in_clear()
    {
        var stack = await LocalWorkspace.SelectStackAsync(new LocalProgramArgs("test", folder));

        await stack.SetConfigAsync("infra:token", new ConfigValue("s3cr3t", isSecret: true));

        var value = await stack.GetConfigAsync("infra:token");
        Assert.Equal(("[secret]", true), (value.Value, value.IsSecret));
        Assert.DoesNotContain("s3cr3t", File.ReadAllText(StackPath));
        Assert.Contains("secure: '[secret]'", File.ReadAllText(StackPath));
    }

    [OfflineSdkFact("asserts how the offline workspace encrypts and decrypts secrets with a passphrase")]
    public async Task With_a_passphrase_a_secret_is_encrypted_as_the_CLI_s_passphrase_provider_does_and_read_back_decrypted()
    {
        var passphrase = new Dictionary<string, string> { ["PULUMI_CONFIG_PASSPHRASE"] = "correct horse" };
        var stack = await LocalWorkspace.SelectStackAsync(new LocalProgramArgs("test", folder) { EnvironmentVariables = passphrase });

        await stack.SetConfigAsync("infra:rollout.hooks.webhookKey", new ConfigValue("s3cr3t-key", isSecret: true), path: true);

        var text = File.ReadAllText(StackPath);
        Assert.DoesNotContain("s3cr3t-key", text);
        Assert.Matches(@"encryptionsalt: v1:[A-Za-z0-9+/=]{12}:v1:[A-Za-z0-9+/=]{16}:[A-Za-z0-9+/=]+", text);
        Assert.Matches(@"secure: v1:[A-Za-z0-9+/=]{16}:[A-Za-z0-9+/=]+", text);
        var read = await stack.GetConfigAsync("infra:rollout.hooks.webhookKey", path: true);
        Assert.Equal(("s3cr3t-key", true), (read.Value, read.IsSecret));
        Assert.Equal("""{"steps":[25,100],"hooks":{"webhookKey":"s3cr3t-key"}}""", (await stack.GetAllConfigAsync())["infra:rollout"].Value);
        // Without the passphrase there is nothing to decrypt with; with a wrong one the CLI refuses.
        var locked = await LocalWorkspace.SelectStackAsync(new LocalProgramArgs("test", folder));
        Assert.Equal("[secret]", (await locked.GetConfigAsync("infra:rollout.hooks.webhookKey", path: true)).Value);
        var wrong = await LocalWorkspace.SelectStackAsync(new LocalProgramArgs("test", folder)
        {
            EnvironmentVariables = new Dictionary<string, string> { ["PULUMI_CONFIG_PASSPHRASE"] = "wrong" },
        });
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => wrong.GetConfigAsync("infra:rollout.hooks.webhookKey", path: true));
        Assert.Contains("incorrect passphrase", refused.Message);
    }

    [OfflineSdkFact("asserts how the offline workspace reads and rewrites the stack file")]
    public async Task A_key_spelled_without_its_namespace_is_read_and_replaced_in_place()
    {
        var stack = await LocalWorkspace.SelectStackAsync(new LocalProgramArgs("test", folder));

        Assert.Equal("staging", (await stack.GetConfigAsync("infra:environment")).Value);
        await stack.SetConfigAsync("infra:environment", new ConfigValue("production"));

        var config = await stack.GetAllConfigAsync();
        Assert.Equal("production", config["infra:environment"].Value);
        Assert.DoesNotContain("infra:environment", File.ReadAllText(StackPath));
        Assert.Equal("""{"steps":[25,100]}""", config["infra:rollout"].Value);
    }

    [OfflineSdkFact("asserts how the offline workspace returns an object holding a secure value")]
    public async Task An_object_holding_a_secure_value_is_secret_with_the_value_decrypted_in_place()
    {
        // As `pulumi config --json --show-secrets`: the object's JSON with its secrets decrypted, and the key secret.
        File.AppendAllText(StackPath, "  infra:alerting:\n    slack:\n      mode: lambda\n    slackWebhookUrl:\n      secure: AAABAHhU0vB3\n");
        var stack = await LocalWorkspace.SelectStackAsync(new LocalProgramArgs("test", folder));

        var alerting = (await stack.GetAllConfigAsync())["infra:alerting"];

        Assert.Equal(("""{"slack":{"mode":"lambda"},"slackWebhookUrl":"[secret]"}""", true), (alerting.Value, alerting.IsSecret));
        Assert.False((await stack.GetAllConfigAsync())["infra:rollout"].IsSecret);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

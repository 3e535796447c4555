using Infra.Stacks.Loading;

namespace Infra.Stacks.Tests;

public class SecretTests
{
    private const string Ciphertext = "AAABAHhU0vB3cNqLk1t2bL9w8PZ0n6kR2yX5cE4dF7gH1jK3mN5pQ8sT0vW2xY4z";

    private const string Staging = MinimalStack.Staging;

    [Fact]
    public void Secure_value_is_recognised_and_its_ciphertext_is_never_kept()
    {
        var yaml = Staging + $"\n  infra:alerting:\n    slackWebhookUrl:\n      secure: {Ciphertext}\n";

        var document = StackFile.Parse("staging", "Pulumi.staging.yaml", yaml);
        var result = StackSettingsLoader.FromDocument(document);

        Assert.Equal(new Settings.SecretSetting("infra:alerting.slackWebhookUrl", true), result.GetValidOrThrow().Alerting.SlackWebhookUrl);
        Assert.DoesNotContain(Ciphertext, document.ToString() + result);
        Assert.DoesNotContain(Ciphertext, result.GetValidOrThrow().ToString());
    }

    [Fact]
    public void Secure_value_in_the_wrong_place_is_an_error_without_its_ciphertext()
    {
        var yaml = Staging + $"\n      host:\n        secure: {Ciphertext}\n";

        var result = Expect.Yaml("staging", yaml);

        Assert.Equal(
            ["Pulumi.staging.yaml: infra:services.web.host: a secret is not allowed here; secrets belong only at infra:alerting.slackWebhookUrl, " +
             "infra:alerting.pagerUrl, infra:alerting.slackWebhookUrls.critical, infra:alerting.slackWebhookUrls.high, " +
             "infra:alerting.slackWebhookUrls.medium, infra:alerting.slackWebhookUrls.low, infra:rollout.hooks.webhookKey, infra:alerting.smsNumbers[i]"],
            result.Errors);
        Assert.DoesNotContain(Ciphertext, string.Join("\n", result.Errors));
    }

    [Fact]
    public void Webhook_in_plain_text_is_an_error_that_does_not_repeat_it()
    {
        var yaml = Staging + "\n  infra:alerting:\n    slackWebhookUrl: https://hooks.slack.com/services/T1/B2/plain\n";

        var result = Expect.Yaml("staging", yaml);

        Assert.Equal(
            ["Pulumi.staging.yaml: infra:alerting.slackWebhookUrl: must be a secret; set it with " +
             "pulumi config set --secret --path 'infra:alerting.slackWebhookUrl' <value>"],
            result.Errors);
    }

    [Fact]
    public void Secret_config_values_never_appear_in_messages()
    {
        const string plaintext = "s3cr3t-plaintext";
        var builder = StackBuilder.Staging()
            .Set("infra:alerting", "slackWebhookUrl", plaintext)
            .Set("infra:alerting", "slack.mode", plaintext)
            .Set("infra:alerting", "slack.workspaceId", new System.Text.Json.Nodes.JsonObject { ["x"] = plaintext })
            .Secret("infra:alerting");

        var result = builder.Load();

        Assert.Equal(
            [
                "Pulumi.staging.yaml: infra:alerting.slack.mode: a secret value is not allowed; use one of: lambda, chatbot",
                "Pulumi.staging.yaml: infra:alerting.slack.workspaceId: expected a string, got a map",
            ],
            result.Errors);
        Assert.DoesNotContain(plaintext, string.Join("\n", result.Errors));
    }

    [Fact]
    public void Secret_scalars_print_without_their_value() =>
        Assert.DoesNotContain("hunter2", new ConfigScalar("hunter2", IsSecret: true).ToString()
                                         + new ConfigScalar("hunter2", IsSecret: true).Describe());
}

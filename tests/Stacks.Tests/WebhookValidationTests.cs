using System.Text.Json.Nodes;
using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Tests;

/// <summary><c>infra:rollout.hooks.webhooks</c> and <c>webhookKey</c>: exact messages, and the key only as a secret.</summary>
public class WebhookValidationTests
{
    private const string Ciphertext = "v1:Zm9vYmFyYmF6:cXV4cXV1eA==";

    private static JsonObject Webhook(string name, string url, string? at = "post-step") =>
        at is null ? new JsonObject { ["name"] = name, ["url"] = url } : new JsonObject { ["name"] = name, ["url"] = url, ["at"] = at };

    [Fact]
    public void Webhooks_and_the_secret_key_are_read_from_the_stack_file_without_the_keys_ciphertext()
    {
        var yaml = MinimalStack.Staging + $"""

              infra:rollout:
                hooks:
                  webhooks:
                    - name: release-check
                      url: https://checks.example.com/release
                      at: pre-traffic
                      timeoutSeconds: 10
                    - name: chat
                      url: https://chat.example.com/hook
                      at: post-release
                  webhookKey:
                    secure: {Ciphertext}
            """;

        var result = Expect.Yaml("staging", yaml);

        var hooks = result.GetValidOrThrow().Rollout.Hooks!.Webhooks;
        Assert.Equal(ValueList.Of(
            new WebhookSettings("release-check", "https://checks.example.com/release", WebhookPoint.PreTraffic, 10),
            new WebhookSettings("chat", "https://chat.example.com/hook", WebhookPoint.PostRelease, 30)), hooks.Webhooks);
        Assert.Equal(new SecretSetting("infra:rollout.hooks.webhookKey", true), hooks.WebhookKey);
        Assert.DoesNotContain(Ciphertext, result.ToString() + result.GetValidOrThrow());
    }

    [Fact]
    public void Each_webhook_needs_a_unique_name_an_https_url_a_point_and_a_timeout_in_range_and_webhooks_need_the_key() =>
        Expect.Errors(StackBuilder.Staging().Set("infra:rollout", "hooks.webhooks", new JsonArray(
                Webhook("Check", "https://a.example.com"),
                Webhook("check", "http://a.example.com"),
                Webhook("check", "https://user:pw@a.example.com", at: null),
                new JsonObject { ["name"] = "late", ["url"] = "https://a.example.com", ["at"] = "post-deploy", ["timeoutSeconds"] = 301, ["retries"] = 2 },
                new JsonObject { ["at"] = "rollback", ["timeoutSeconds"] = 0 })),
            "Pulumi.staging.yaml: infra:rollout.hooks.webhooks[2].at: required; one of: pre-traffic, post-step, post-release, rollback",
            "Pulumi.staging.yaml: infra:rollout.hooks.webhooks[3].at: 'post-deploy' is not allowed; use one of: pre-traffic, post-step, post-release, rollback",
            "Pulumi.staging.yaml: infra:rollout.hooks.webhooks[3].retries: unknown key; allowed keys are name, url, at, timeoutSeconds",
            "Pulumi.staging.yaml: infra:rollout.hooks.webhooks[0].name: 'Check' is not allowed; use lower-case letters, digits and dashes (up to 63), starting with a letter or digit",
            "Pulumi.staging.yaml: infra:rollout.hooks.webhooks[1].url: 'http://a.example.com' is not allowed; webhooks need an absolute https URL",
            "Pulumi.staging.yaml: infra:rollout.hooks.webhooks[2].name: 'check' is used by an earlier webhook; names must be unique",
            "Pulumi.staging.yaml: infra:rollout.hooks.webhooks[2].url: must not carry a user name or password; the body is signed with webhookKey instead",
            "Pulumi.staging.yaml: infra:rollout.hooks.webhooks[3].timeoutSeconds: 301 is out of range; allowed 1 to 300",
            "Pulumi.staging.yaml: infra:rollout.hooks.webhooks[4].name: required; lower-case letters, digits and dashes, e.g. release-check",
            "Pulumi.staging.yaml: infra:rollout.hooks.webhooks[4].url: required; an https URL, e.g. https://checks.example.com/release",
            "Pulumi.staging.yaml: infra:rollout.hooks.webhooks[4].timeoutSeconds: 0 is out of range; allowed 1 to 300",
            "Pulumi.staging.yaml: infra:rollout.hooks.webhookKey: required with webhooks: the key that signs their bodies; " +
            "set it with pulumi config set --secret --path 'infra:rollout.hooks.webhookKey' <value>");

    [Fact]
    public void A_plain_text_webhook_key_is_refused() =>
        Expect.Error(StackBuilder.Staging().Set("infra:rollout", "hooks.webhookKey", "hunter2"),
            "infra:rollout.hooks.webhookKey: must be a secret; set it with pulumi config set --secret --path 'infra:rollout.hooks.webhookKey' <value>");
}

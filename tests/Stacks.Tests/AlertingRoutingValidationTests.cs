using System.Text.Json.Nodes;
using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Tests;

/// <summary><c>infra:alerting</c>'s routing by severity: pager, SMS, a webhook per severity, the digest.</summary>
public class AlertingRoutingValidationTests
{
    private const string Ciphertext = "AAABAHhU0vB3cNqLk1t2bL9w8PZ0n6kR2yX5cE4dF7gH1jK3mN5pQ8sT0vW2xY4z";

    [Fact]
    public void Sms_numbers_held_by_Pulumi_must_be_E164_and_are_never_shown()
    {
        var numbers = new JsonArray("+4915112345678", "0151 1234567", "+0441234", "+1234567890123456", "+1 415 555 0100");
        var message = "the secret value is not a phone number in E.164 form; write + then the country code and number, digits only, at most 15 (e.g. +4915112345678)";
        var builder = StackBuilder.Staging().Set("infra:alerting", "smsNumbers", numbers).Secret("infra:alerting");
        Expect.Errors(builder,
            $"Pulumi.staging.yaml: infra:alerting.smsNumbers[1]: {message}",
            $"Pulumi.staging.yaml: infra:alerting.smsNumbers[2]: {message}",
            $"Pulumi.staging.yaml: infra:alerting.smsNumbers[3]: {message}",
            $"Pulumi.staging.yaml: infra:alerting.smsNumbers[4]: {message}");
        var errors = string.Join("\n", builder.Load().Errors);
        Assert.DoesNotContain("0151 1234567", errors);
        Assert.DoesNotContain("+1 415 555 0100", errors);
    }

    [Fact]
    public void Sms_numbers_in_plain_text_are_an_error_that_does_not_repeat_them()
    {
        var result = Expect.Yaml("staging", MinimalStack.Staging + "\n  infra:alerting:\n    smsNumbers:\n      - \"+4915112345678\"\n");
        Assert.Equal(
            ["Pulumi.staging.yaml: infra:alerting.smsNumbers[0]: must be a secret; set it with " +
             "pulumi config set --secret --path 'infra:alerting.smsNumbers[0]' <value>"],
            result.Errors);
    }

    [Fact]
    public void Sms_numbers_are_secure_values_of_the_stack_file_kept_in_order()
    {
        var result = Expect.Yaml("staging", MinimalStack.Staging + $"\n  infra:alerting:\n    smsNumbers:\n      - secure: {Ciphertext}\n      - secure: {Ciphertext}\n");
        var paging = result.GetValidOrThrow().Alerting.Paging;
        Assert.Equal([new SecretSetting("infra:alerting.smsNumbers[0]", true), new SecretSetting("infra:alerting.smsNumbers[1]", true)], paging.SmsNumbers);
        Assert.False(paging.PagerUrl.IsSet);
    }

    [Fact]
    public void Pager_url_in_plain_text_is_an_error_that_does_not_repeat_it()
    {
        var result = Expect.Yaml("staging", MinimalStack.Staging + "\n  infra:alerting:\n    pagerUrl: https://events.pagerduty.com/integration/KEY123/enqueue\n");
        Assert.Equal(
            ["Pulumi.staging.yaml: infra:alerting.pagerUrl: must be a secret; set it with " +
             "pulumi config set --secret --path 'infra:alerting.pagerUrl' <value>"],
            result.Errors);
    }

    [Fact]
    public void Pager_url_may_be_a_secure_value_of_the_stack_file()
    {
        var result = Expect.Yaml("staging", MinimalStack.Staging + $"\n  infra:alerting:\n    pagerUrl:\n      secure: {Ciphertext}\n");
        Assert.Equal(new SecretSetting("infra:alerting.pagerUrl", true), result.GetValidOrThrow().Alerting.Paging.PagerUrl);
    }

    [Theory]
    [InlineData("http://events.pagerduty.com/integration/KEY123/enqueue")]
    [InlineData("events.pagerduty.com/integration/KEY123/enqueue")]
    [InlineData("ftp://events.example/KEY123")]
    public void Pager_url_held_by_Pulumi_must_be_https_and_is_never_shown(string url)
    {
        var result = StackBuilder.Staging().Set("infra:alerting", "pagerUrl", url).Secret("infra:alerting").Load();
        Assert.Equal(
            ["Pulumi.staging.yaml: infra:alerting.pagerUrl: the secret value is not an HTTPS URL; the paging service's events endpoint must start with https://"],
            result.Errors);
        Assert.DoesNotContain("KEY123", string.Join("\n", result.Errors));
    }

    [Fact]
    public void Production_with_only_a_pager_or_only_sms_has_a_destination()
    {
        Assert.Empty(StackBuilder.Production().Remove("infra:alerting", "emails")
            .Set("infra:alerting", "pagerUrl", "https://events.pagerduty.com/v2/enqueue").Secret("infra:alerting").Load().Errors);
        Assert.Empty(StackBuilder.Production().Remove("infra:alerting", "emails")
            .Set("infra:alerting", "smsNumbers", new JsonArray("+4915112345678")).Secret("infra:alerting").Load().Errors);
    }

    [Fact]
    public void A_severity_with_its_own_webhook_uses_it_and_the_others_fall_back()
    {
        var settings = StackBuilder.Staging()
            .Set("infra:alerting", "slackWebhookUrl", "https://hooks.slack.com/shared")
            .Set("infra:alerting", "slackWebhookUrls.critical", "https://hooks.slack.com/critical")
            .Secret("infra:alerting").Load().GetValidOrThrow().Alerting;

        Assert.Equal(new SecretSetting("infra:alerting.slackWebhookUrls.critical", true), settings.SlackWebhookFor(Severity.Critical));
        Assert.Equal(new SecretSetting("infra:alerting.slackWebhookUrl", true), settings.SlackWebhookFor(Severity.High));
        Assert.True(settings.DigestsLow);
    }

    [Fact]
    public void Without_a_shared_webhook_only_the_severities_with_their_own_reach_Slack()
    {
        var settings = StackBuilder.Staging()
            .Set("infra:alerting", "slackWebhookUrls.high", "https://hooks.slack.com/high")
            .Secret("infra:alerting").Load().GetValidOrThrow().Alerting;

        Assert.NotNull(settings.SlackWebhookFor(Severity.High));
        Assert.Null(settings.SlackWebhookFor(Severity.Critical));
        Assert.False(settings.DigestsLow);
    }

    [Fact]
    public void Webhook_severities_are_only_the_four() =>
        Expect.Error(StackBuilder.Staging().Set("infra:alerting", "slackWebhookUrls.urgent", "https://hooks.slack.com/x").Secret("infra:alerting"),
            "infra:alerting.slackWebhookUrls.urgent: unknown key; allowed keys are critical, high, medium, low");

    [Fact]
    public void Webhooks_per_severity_need_the_lambda_mode() =>
        Expect.Error(StackBuilder.Staging()
                .Set("infra:alerting", "slack", new JsonObject { ["mode"] = "chatbot", ["workspaceId"] = "T1", ["channelId"] = "C1" })
                .Set("infra:alerting", "slackWebhookUrls.low", "https://hooks.slack.com/x").Secret("infra:alerting"),
            "infra:alerting.slackWebhookUrls: only the lambda slack mode posts to webhooks; remove it or set slack mode lambda");

    [Fact]
    public void Digest_hour_is_an_hour_of_the_day() =>
        Expect.Error(StackBuilder.Staging().Set("infra:alerting", "digest.hourUtc", 24),
            "infra:alerting.digest.hourUtc: 24 is out of range; allowed 0 to 23");

    [Fact]
    public void Digest_defaults_to_on_at_eight_and_may_be_turned_off()
    {
        Assert.Equal(new DigestSettings(true, 8), StackBuilder.Staging().Load().GetValidOrThrow().Alerting.Digest);
        Assert.Equal("cron(0 8 * * ? *)", DigestSettings.Default.Schedule);
        var off = StackBuilder.Staging()
            .Set("infra:alerting", "slackWebhookUrl", "https://hooks.slack.com/shared")
            .Set("infra:alerting", "digest.enabled", false)
            .Secret("infra:alerting").Load().GetValidOrThrow().Alerting;
        Assert.False(off.DigestsLow);
    }

    [Fact]
    public void Alarm_notify_is_a_boolean_override() =>
        Assert.Equal(true, StackBuilder.Staging().Set("infra:alarms", "colorErrorRate.notify", true).Load().GetValidOrThrow()
            .AlarmOverrides["colorErrorRate"].Notify);
}

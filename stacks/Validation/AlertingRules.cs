using System.Text.RegularExpressions;
using Infra.Stacks.Loading;
using Infra.Stacks.Settings;

namespace Infra.Stacks.Validation;

/// <summary>Rules for <c>infra:alerting</c> and the <c>infra:alarms</c> overrides.</summary>
public static partial class AlertingRules
{
    private const string Path = ConfigKeys.Alerting;

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();

    // E.164: a plus, a country code not starting with 0, at most 15 digits in all.
    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$")]
    private static partial Regex E164Shape();

    /// <summary>
    /// What is wrong with a paging URL, without quoting it (it is a secret): SNS delivers to HTTPS endpoints, and a
    /// paging key must not cross the network in clear text. Null when it is an absolute HTTPS URL, or a stand-in for a
    /// value only Pulumi can decrypt (<see cref="PulumiConfigValues.IsStandIn"/>; the program checks the value).
    /// </summary>
    public static string? PagerUrlProblem(string url) =>
        PulumiConfigValues.IsStandIn(url) ? null :
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0
            ? null
            : "the secret value is not an HTTPS URL; the paging service's events endpoint must start with https://";

    public static void Validate(StackSettings settings, Diagnostics d)
    {
        var alerting = settings.Alerting;
        var slack = alerting.Slack;
        if (slack.Mode == SlackMode.Chatbot)
        {
            if (string.IsNullOrEmpty(slack.WorkspaceId))
                d.Error($"{Path}.slack.workspaceId", "required when slack mode is chatbot");
            if (string.IsNullOrEmpty(slack.ChannelId))
                d.Error($"{Path}.slack.channelId", "required when slack mode is chatbot");
        }

        foreach (var (severity, addresses) in alerting.Emails)
        {
            for (var i = 0; i < addresses.Count; i++)
            {
                if (!EmailShape().IsMatch(addresses[i]))
                    d.Error(KeyPath.Item($"{Path}.emails.{severity}", i), $"{Shown.Text(addresses[i])} is not an e-mail address");
            }
        }

        if (alerting.SlackWebhookUrls.Count > 0 && slack.Mode != SlackMode.Lambda)
            d.Error($"{Path}.slackWebhookUrls", "only the lambda slack mode posts to webhooks; remove it or set slack mode lambda");
        d.CheckRange($"{Path}.digest.hourUtc", alerting.Digest.HourUtc, 0, 23);

        if (settings.IsProduction && !HasDestination(alerting))
            d.Error(Path, "production needs at least one alert destination; set slackWebhookUrl (slack mode lambda), " +
                          "slack workspaceId and channelId (slack mode chatbot), an e-mail address, pagerUrl or smsNumbers");
    }

    /// <summary>What is wrong with an SMS number's secret value, without quoting it (a phone number is personal data); null when fine.</summary>
    public static string? SmsNumberProblem(string value) => E164Shape().IsMatch(value.Trim())
        ? null
        : "the secret value is not a phone number in E.164 form; write + then the country code and number, digits only, at most 15 (e.g. +4915112345678)";

    public static bool HasDestination(AlertingSettings alerting) => alerting.Paging.PagerUrl.IsSet || alerting.Paging.SmsNumbers.Any(n => n.IsSet) || alerting.Slack.Mode switch
    {
        SlackMode.Lambda when alerting.SlackWebhookUrl.IsSet || alerting.SlackWebhookUrls.Count > 0 => true,
        SlackMode.Chatbot when !string.IsNullOrEmpty(alerting.Slack.WorkspaceId)
                               && !string.IsNullOrEmpty(alerting.Slack.ChannelId) => true,
        _ => alerting.Emails.Values.Any(list => list.Count > 0),
    };

    public static void ValidateAlarmOverrides(ValueMap<AlarmOverride> overrides, IReadOnlyCollection<string> knownKeys, Diagnostics d)
    {
        foreach (var (key, alarm) in overrides)
        {
            var path = $"{ConfigKeys.Alarms}.{key}";
            if (!knownKeys.Contains(key))
            {
                var suggestion = DidYouMean.Closest(key, knownKeys) is { } s ? $"did you mean '{s}'? " : "";
                d.Error(path, $"unknown alarm key; {suggestion}known keys are {string.Join(", ", knownKeys)}");
                continue;
            }

            var periodsOk = alarm.EvaluationPeriods is not { } periods || d.CheckAtLeast($"{path}.evaluationPeriods", periods, 1);
            if (alarm.DatapointsToAlarm is { } datapoints && d.CheckAtLeast($"{path}.datapointsToAlarm", datapoints, 1)
                && periodsOk && datapoints > alarm.EvaluationPeriods)
                d.Error($"{path}.datapointsToAlarm",
                    $"{datapoints} is greater than evaluationPeriods {alarm.EvaluationPeriods}; datapoints to alarm must not exceed evaluation periods");
            if (alarm.PeriodSeconds is { } period && period is not (10 or 30) && (period <= 0 || period % 60 != 0))
                d.Error($"{path}.periodSeconds", $"{period} is not a CloudWatch period; allowed 10, 30 or a multiple of 60");
            if (alarm.LogPattern is not null && key != AlarmKeys.DatabaseConnectionErrors)
                d.Error($"{path}.logPattern", $"only the {AlarmKeys.DatabaseConnectionErrors} alarm reads a log pattern");
        }
    }
}

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

        if (settings.IsProduction && !HasDestination(alerting))
            d.Error(Path, "production needs at least one alert destination; set slackWebhookUrl (slack mode lambda), " +
                          "slack workspaceId and channelId (slack mode chatbot), or an e-mail address");
    }

    public static bool HasDestination(AlertingSettings alerting) => alerting.Slack.Mode switch
    {
        SlackMode.Lambda when alerting.SlackWebhookUrl.IsSet => true,
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

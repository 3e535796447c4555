using Infra.Stacks.Loading;
using Infra.Stacks.Settings;
using Infra.Stacks.Validation;

namespace Infra.Stacks.Binding;

/// <summary>Binds <c>infra:alerting</c> and <c>infra:alarms</c>.</summary>
public static class AlertingBinder
{
    public static AlertingSettings BindAlerting(MapReader alerting, StackDefaults defaults)
    {
        var slack = alerting.Map("slack");
        var slackSettings = new SlackSettings(
            Mode: slack.Enum<SlackMode>("mode") ?? defaults.SlackMode,
            WorkspaceId: slack.String("workspaceId"),
            ChannelId: slack.String("channelId"));
        slack.ReportUnknownKeys();

        // Only the four severities are keys here, so a misspelled one gets a did-you-mean.
        var emails = alerting.Map("emails");
        var bySeverity = ConfigEnums.AllowedValues<Severity>()
            .Select(severity => (severity, List: emails.StringList(severity)))
            .Where(e => e.List is not null)
            .Select(e => KeyValuePair.Create(e.severity, e.List!));
        var emailSettings = new ValueMap<ValueList<string>>(bySeverity);
        emails.ReportUnknownKeys();

        var settings = new AlertingSettings(slackSettings, alerting.Secret("slackWebhookUrl"), emailSettings,
            Paging: new PagingSettings(alerting.Secret("pagerUrl", AlertingRules.PagerUrlProblem), alerting.SecretList("smsNumbers", AlertingRules.SmsNumberProblem) ?? ValueList<SecretSetting>.Empty),
            SlackWebhookUrls: BindWebhooksBySeverity(alerting.Map("slackWebhookUrls")),
            Digest: BindDigest(alerting.Map("digest")));
        alerting.ReportUnknownKeys();
        return settings;
    }

    private static ValueMap<SecretSetting> BindWebhooksBySeverity(MapReader webhooks)
    {
        var bySeverity = ConfigEnums.AllowedValues<Severity>()
            .Select(severity => KeyValuePair.Create(severity, webhooks.Secret(severity)))
            .Where(e => e.Value.IsSet);
        var settings = new ValueMap<SecretSetting>(bySeverity);
        webhooks.ReportUnknownKeys();
        return settings;
    }

    private static DigestSettings BindDigest(MapReader digest)
    {
        var settings = new DigestSettings(
            Enabled: digest.Bool("enabled") ?? DigestSettings.Default.Enabled,
            HourUtc: digest.Int("hourUtc") ?? DigestSettings.DefaultHourUtc);
        digest.ReportUnknownKeys();
        return settings;
    }

    /// <summary>Overrides keyed by alarm key; which keys exist is checked by the validator against the catalog.</summary>
    public static ValueMap<AlarmOverride> BindAlarmOverrides(MapReader alarms) =>
        new(alarms.Entries.Select(e =>
            KeyValuePair.Create(e.Key, BindOverride(MapReader.Open(e.Value, alarms.PathOf(e.Key), alarms.Diagnostics)))));

    private static AlarmOverride BindOverride(MapReader alarm)
    {
        var settings = new AlarmOverride(
            Threshold: alarm.Double("threshold"),
            EvaluationPeriods: alarm.Int("evaluationPeriods"),
            DatapointsToAlarm: alarm.Int("datapointsToAlarm"),
            PeriodSeconds: alarm.Int("periodSeconds"),
            Severity: alarm.Enum<Severity>("severity"),
            Enabled: alarm.Bool("enabled"),
            LogPattern: alarm.String("logPattern"),
            Notify: alarm.Bool("notify"));
        alarm.ReportUnknownKeys();
        return settings;
    }
}

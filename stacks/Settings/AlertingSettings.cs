namespace Infra.Stacks.Settings;

/// <summary><c>infra:alerting</c>: where alarm notifications go.</summary>
/// <param name="SlackWebhookUrl">A Pulumi secret; only whether it is set is kept here.</param>
/// <param name="Emails">Addresses per severity; severities not listed get no e-mail.</param>
/// <param name="Paging">Where critical alarms page (HTTPS events endpoint, SMS). Default: nowhere.</param>
/// <param name="SlackWebhookUrls">A Slack webhook of its own per severity (secrets); the others use <paramref name="SlackWebhookUrl"/>. Default: none.</param>
/// <param name="Digest">Low severity as one daily message instead of one per alarm. Default: on, at 08:00 UTC.</param>
public sealed record AlertingSettings(
    SlackSettings Slack,
    SecretSetting SlackWebhookUrl,
    ValueMap<ValueList<string>> Emails,
    PagingSettings? Paging = null,
    ValueMap<SecretSetting>? SlackWebhookUrls = null,
    DigestSettings? Digest = null)
{
    public PagingSettings Paging { get; init; } = Paging ?? PagingSettings.None;

    public ValueMap<SecretSetting> SlackWebhookUrls { get; init; } = SlackWebhookUrls ?? ValueMap<SecretSetting>.Empty;

    public DigestSettings Digest { get; init; } = Digest ?? DigestSettings.Default;

    /// <summary>The Slack webhook of <paramref name="severity"/>: its own, else the shared one; null when neither is set.</summary>
    public SecretSetting? SlackWebhookFor(Severity severity) =>
        SlackWebhookUrls.TryGetValue(severity.ToConfigName(), out var own) && own.IsSet ? own
        : SlackWebhookUrl.IsSet ? SlackWebhookUrl : null;

    /// <summary>Whether low-severity alarms reach Slack as the daily digest rather than one message each.</summary>
    public bool DigestsLow => Slack.Mode == SlackMode.Lambda && Digest.Enabled && SlackWebhookFor(Severity.Low) is not null;

    /// <summary>The e-mail addresses for <paramref name="severity"/>, empty when none.</summary>
    public ValueList<string> EmailsFor(Severity severity) =>
        Emails.TryGetValue(severity.ToConfigName(), out var list) ? list : ValueList<string>.Empty;
}

/// <summary><c>infra:alerting.slack</c>. Mode default lambda; the ids are needed only for chatbot.</summary>
public sealed record SlackSettings(SlackMode Mode, string? WorkspaceId, string? ChannelId);

/// <summary>
/// A secret config value, without its value: the program reads the value through Pulumi config as a secret output.
/// </summary>
/// <param name="KeyPath">e.g. <c>infra:alerting.slackWebhookUrl</c>.</param>
public sealed record SecretSetting(string KeyPath, bool IsSet);

/// <summary>
/// <c>infra:alerting.pagerUrl</c> and <c>.smsNumbers</c>: critical alarms page a person. The URL is a paging
/// service's HTTPS events endpoint (PagerDuty, Opsgenie), a secret; the numbers are E.164 (<c>+4915112345678</c>),
/// each a secret too: a phone number is personal data, kept out of plans, state, names and messages.
/// </summary>
public sealed record PagingSettings(SecretSetting PagerUrl, ValueList<SecretSetting> SmsNumbers)
{
    public static PagingSettings None { get; } = new(new SecretSetting("infra:alerting.pagerUrl", false), ValueList<SecretSetting>.Empty);
}

/// <summary><c>infra:alerting.digest</c>: enabled (default true) and the UTC hour it is posted (0-23, default 8).</summary>
public sealed record DigestSettings(bool Enabled, int HourUtc)
{
    public const int DefaultHourUtc = 8;

    public static DigestSettings Default { get; } = new(true, DefaultHourUtc);

    /// <summary>The EventBridge schedule: every day at the hour, minute 0.</summary>
    public string Schedule => $"cron(0 {HourUtc} * * ? *)";
}

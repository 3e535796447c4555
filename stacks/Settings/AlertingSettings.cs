namespace Infra.Stacks.Settings;

/// <summary><c>infra:alerting</c>: where alarm notifications go.</summary>
/// <param name="SlackWebhookUrl">A Pulumi secret; only whether it is set is kept here.</param>
/// <param name="Emails">Addresses per severity; severities not listed get no e-mail.</param>
public sealed record AlertingSettings(
    SlackSettings Slack,
    SecretSetting SlackWebhookUrl,
    ValueMap<ValueList<string>> Emails)
{
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

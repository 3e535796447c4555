using Infra.Stacks.Settings;
using Pulumi;

namespace Infra.Components.Observability;

/// <summary>Arguments of <see cref="Alerting"/>.</summary>
public sealed class AlertingArgs
{
    /// <summary>The validated stack settings; <c>infra:alerting</c> says where notifications go.</summary>
    public required StackSettings Settings { get; init; }

    /// <summary>
    /// The Slack webhook URL, as a secret. Default: read from Pulumi config at the key the settings name
    /// (<c>infra:alerting.slackWebhookUrl</c>); only read when the settings say it is set.
    /// </summary>
    public Output<string>? SlackWebhookUrl { get; init; }

    /// <summary>
    /// The paging service's HTTPS events endpoint, as a secret. Default: read from Pulumi config at
    /// <c>infra:alerting.pagerUrl</c>; only read when the settings say it is set.
    /// </summary>
    public Output<string>? PagerUrl { get; init; }

    /// <summary>
    /// The SMS numbers, as secrets, in the order of <c>infra:alerting.smsNumbers</c>. Default: each read from Pulumi config
    /// at <c>infra:alerting.smsNumbers[i]</c>.
    /// </summary>
    public IReadOnlyList<Output<string>>? SmsNumbers { get; init; }

    /// <summary>The dashboard the Slack messages link to. Default: <c>&lt;project&gt;-&lt;stack&gt;</c>, the name <see cref="Dashboards"/> uses.</summary>
    public string? DashboardName { get; init; }

    /// <summary>
    /// The KMS key that encrypts the topics; its policy must let <c>cloudwatch.amazonaws.com</c> use kms:GenerateDataKey*
    /// and kms:Decrypt, or alarms cannot publish. Default: a customer managed key of this component with such a policy
    /// (the AWS managed <c>alias/aws/sns</c> key cannot grant that). Give the key's ARN where the release guard
    /// publishes: its role is granted the key by <see cref="Alerting.TopicKeyArn"/>.
    /// </summary>
    public Input<string>? TopicKmsKeyId { get; init; }

    /// <summary>
    /// The AWS Chatbot configuration's name, unique in the account (not per region): a second Alerting, e.g. in the
    /// DR region, needs its own. Default: <c>&lt;project&gt;-&lt;stack&gt;-alerts</c>.
    /// </summary>
    public string? ChatbotConfigurationName { get; init; }

    /// <summary>
    /// Whether the topics get the e-mail subscriptions <c>infra:alerting.emails</c> lists. Every e-mail subscription
    /// sends its own confirmation, so a second Alerting of the stack (the DR region's) sets false and each address
    /// confirms once. Default true.
    /// </summary>
    public bool SubscribeEmails { get; init; } = true;

    /// <summary>
    /// Whether the critical topic gets the pager and SMS subscriptions. True in both regions: an alarm notifies only
    /// topics of its own region, so after a failover the DR region's critical alarms must page on their own (a page
    /// never comes twice, and neither destination asks a person to confirm). Default true.
    /// </summary>
    public bool SubscribePager { get; init; } = true;

    /// <summary>The Slack relay's log group key (<c>LogsKey.Arn</c> of the topics' region). Default: none, CloudWatch Logs' own key.</summary>
    public Input<string>? LogsKmsKeyArn { get; init; }

    /// <summary>
    /// Whether low severity goes to the daily digest (<see cref="AlarmDigest"/>, when <c>infra:alerting.digest</c> is on)
    /// instead of the relay. The digest reads the primary region's alarms, so the DR region's Alerting sets false and
    /// relays its low alarms as they come. Default true.
    /// </summary>
    public bool DigestsLow { get; init; } = true;
}

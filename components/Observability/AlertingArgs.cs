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

    /// <summary>The dashboard the Slack messages link to. Default: <c>&lt;project&gt;-&lt;stack&gt;</c>, the name <see cref="Dashboards"/> uses.</summary>
    public string? DashboardName { get; init; }

    /// <summary>
    /// The KMS key that encrypts the topics. Default: <c>alias/aws/sns</c>, the AWS managed key. CloudWatch alarms cannot
    /// publish to a topic under that key (its policy cannot grant <c>cloudwatch.amazonaws.com</c> kms:GenerateDataKey*
    /// and kms:Decrypt), so pass a customer managed key whose policy does wherever alarms must reach the topics.
    /// </summary>
    public Input<string>? TopicKmsKeyId { get; init; }
}

using Infra.Stacks.Settings;
using Pulumi;

namespace Infra.Components.Observability;

/// <summary>Arguments of <see cref="SlackRelay"/>.</summary>
public sealed class SlackRelayArgs
{
    public required StackSettings Settings { get; init; }

    /// <summary>The topics to relay, one per severity; the relay reads the severity from the topic name.</summary>
    public required IReadOnlyDictionary<Severity, Output<string>> TopicArns { get; init; }

    /// <summary>The topic the dead-letter queue's alarm notifies (the high one of the relay's region).</summary>
    public required Output<string> HighTopicArn { get; init; }

    /// <summary>The shared Slack incoming webhook URL; kept secret end to end. Default: none (then every relayed
    /// severity needs its own in <see cref="WebhookUrlsBySeverity"/>).</summary>
    public Output<string>? WebhookUrl { get; init; }

    /// <summary>The webhook URLs of the severities with a channel of their own. Default: none.</summary>
    public IReadOnlyDictionary<Severity, Output<string>> WebhookUrlsBySeverity { get; init; } = new Dictionary<Severity, Output<string>>();

    /// <summary>The CloudWatch dashboard the messages link to.</summary>
    public required string DashboardName { get; init; }

    /// <summary>How long the relay's logs are kept. Default: 30 days.</summary>
    public int LogRetentionDays { get; init; } = 30;

    /// <summary>
    /// The customer managed key the log group is encrypted with (<c>LogsKey.Arn</c>). Default: none, CloudWatch Logs'
    /// own key.
    /// </summary>
    public Input<string>? LogsKmsKeyArn { get; init; }
}

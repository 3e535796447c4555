using System.Text.Json.Nodes;
using Infra.Components.Iam;

namespace Infra.Components.Observability;

/// <summary>The policy documents of the alerting components, as JSON text, built from plain values.</summary>
public static class AlertingPolicies
{
    /// <summary>The topic's resource policy: CloudWatch alarms may publish to it.</summary>
    public static string CloudWatchMayPublish(string topicArn) => new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Sid"] = "AllowCloudWatchAlarms",
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["Service"] = "cloudwatch.amazonaws.com" },
            ["Action"] = "sns:Publish",
            ["Resource"] = topicArn,
            ["Condition"] = OnlyOnBehalfOf(AccountOf(topicArn)),
        }),
    }.ToJsonString();

    /// <summary>The account an ARN belongs to: <c>arn:partition:service:region:account:resource</c>.</summary>
    private static string AccountOf(string arn) => arn.Split(':') is { Length: > 4 } parts ? parts[4] : arn;

    /// <summary>A service principal acts here only for this account's resources (no confused deputy).</summary>
    private static JsonObject OnlyOnBehalfOf(string account) =>
        new() { ["StringEquals"] = new JsonObject { ["aws:SourceAccount"] = account } };

    /// <summary>
    /// The topics' key policy: the account administers the key (<see cref="KeyAdministration"/>), and CloudWatch may use
    /// it to publish alarms to the encrypted topics, which the AWS managed SNS key does not allow.
    /// </summary>
    public static string TopicKeyPolicy(string keyArn)
    {
        var account = AccountOf(keyArn);
        return new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(
                KeyAdministration.AccountAdministers(keyArn),
                new JsonObject
                {
                    ["Sid"] = "CloudWatchAlarmsPublish",
                    ["Effect"] = "Allow",
                    ["Principal"] = new JsonObject { ["Service"] = "cloudwatch.amazonaws.com" },
                    ["Action"] = new JsonArray("kms:Decrypt", "kms:GenerateDataKey*"),
                    ["Resource"] = "*",
                    ["Condition"] = OnlyOnBehalfOf(account),
                }),
        }.ToJsonString();
    }

    /// <summary>
    /// The Slack relay's permissions and nothing more: write to its own log group (created beforehand, so no
    /// CreateLogGroup), read its webhook secrets, and send a failed alert to its dead-letter queue.
    /// </summary>
    public static PolicyDocument SlackRelayPermissions(string logGroupArn, IReadOnlyList<string> webhookSecretArns, string deadLetterQueueArn) => new(
    [
        WriteOwnLogs(logGroupArn),
        new PolicyStatement("ReadWebhookSecret", ["secretsmanager:GetSecretValue"], webhookSecretArns),
        SendToOwnQueue(deadLetterQueueArn),
    ]);

    /// <summary>
    /// The digest's permissions: its logs, the one webhook secret of the low channel, the history of the low alarms it
    /// summarises (by ARN), and its dead-letter queue.
    /// </summary>
    public static PolicyDocument DigestPermissions(string logGroupArn, string webhookSecretArn, IReadOnlyList<string> lowAlarmArns, string deadLetterQueueArn) => new(
    [
        WriteOwnLogs(logGroupArn),
        new PolicyStatement("ReadWebhookSecret", ["secretsmanager:GetSecretValue"], [webhookSecretArn]),
        new PolicyStatement("ReadLowAlarmHistory", ["cloudwatch:DescribeAlarmHistory"], lowAlarmArns),
        SendToOwnQueue(deadLetterQueueArn),
    ]);

    private static PolicyStatement WriteOwnLogs(string logGroupArn) =>
        new("WriteOwnLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], [$"{logGroupArn}:*"]);

    private static PolicyStatement SendToOwnQueue(string queueArn) =>
        new("SendFailedInvocationsToOwnQueue", ["sqs:SendMessage"], [queueArn]);
}

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
        }),
    }.ToJsonString();

    /// <summary>
    /// The Slack relay's permissions and nothing more: write to its own log group (created beforehand, so no
    /// CreateLogGroup) and read the one webhook secret.
    /// </summary>
    public static PolicyDocument SlackRelayPermissions(string logGroupArn, string webhookSecretArn) => new(
    [
        new PolicyStatement("WriteOwnLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], [$"{logGroupArn}:*"]),
        new PolicyStatement("ReadWebhookSecret", ["secretsmanager:GetSecretValue"], [webhookSecretArn]),
    ]);
}

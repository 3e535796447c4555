using Infra.Components.Conventions;
using Infra.Components.Functions;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.Lambda;
using Pulumi.Aws.SecretsManager;
using Pulumi.Aws.Sns;

namespace Infra.Components.Observability;

/// <summary>
/// The Slack relay Lambda (components/assets/slack-relay) subscribed to every severity topic, with the webhook URL in
/// a Secrets Manager secret, its own log group, and a role that may write those logs and read that secret only.
/// </summary>
public sealed class SlackRelay : ComponentResource
{
    /// <summary>Covers four attempts of 5 s and three waits of up to 10 s (see the relay's README).</summary>
    public const int TimeoutSeconds = 60;

    public Output<string> FunctionArn { get; }

    public Output<string> WebhookSecretArn { get; }

    public SlackRelay(string name, SlackRelayArgs args, ComponentResourceOptions? options = null)
        : base("infra:observability:SlackRelay", name, options)
    {
        var settings = args.Settings;
        var naming = StackConventions.Naming(settings);
        var functionName = naming.Resource("slack-relay");
        var child = new CustomResourceOptions { Parent = this };

        var secretName = naming.Resource("slack-webhook");
        var secret = new Secret($"{name}-webhook", new SecretArgs
        {
            Name = secretName,
            Description = "Slack incoming webhook URL read by the alerting relay",
            KmsKeyId = "alias/aws/secretsmanager",
            Tags = StackConventions.Tags(settings, secretName),
        }, new CustomResourceOptions { Parent = this, Protect = settings.IsProduction });
        new SecretVersion($"{name}-webhook-value", new SecretVersionArgs
        {
            SecretId = secret.Id,
            SecretString = args.WebhookUrl,
        }, child);

        var function = NodeFunction.Declare(this, name, new NodeFunctionArgs
        {
            Settings = settings,
            FunctionName = functionName,
            Description = "Relays the alerting topics to Slack",
            RoleDescription = "Slack relay: writes its own logs and reads the webhook secret",
            Source = LambdaSource.SlackRelay,
            Policy = logGroupArn => Output.Tuple(logGroupArn, secret.Arn).Apply(p => AlertingPolicies.SlackRelayPermissions(p.Item1, p.Item2).ToJson()),
            TimeoutSeconds = TimeoutSeconds,
            LogRetentionDays = args.LogRetentionDays,
            LogsKmsKeyArn = args.LogsKmsKeyArn,
            Environment =
            {
                ["SLACK_WEBHOOK_SECRET_ARN"] = secret.Arn,
                ["DASHBOARD_NAME"] = args.DashboardName,
            },
        });

        foreach (var (severity, topicArn) in args.TopicArns)
        {
            var suffix = severity.ToConfigName();
            var invoke = new Permission($"{name}-invoke-{suffix}", new PermissionArgs
            {
                Action = "lambda:InvokeFunction",
                Function = function.Name,
                Principal = "sns.amazonaws.com",
                SourceArn = topicArn,
            }, child);
            new TopicSubscription($"{name}-{suffix}", new TopicSubscriptionArgs
            {
                Topic = topicArn,
                Protocol = "lambda",
                Endpoint = function.Arn,
            }, new CustomResourceOptions { Parent = this, DependsOn = { invoke } });
        }

        FunctionArn = function.Arn;
        WebhookSecretArn = secret.Arn;
        RegisterOutputs(new Dictionary<string, object?> { ["functionArn"] = FunctionArn, ["webhookSecretArn"] = WebhookSecretArn });
    }
}

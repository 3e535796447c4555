using System.Text.Json;
using Infra.Components.Conventions;
using Infra.Components.Functions;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.Lambda;
using Pulumi.Aws.Lambda.Inputs;
using Pulumi.Aws.SecretsManager;
using Pulumi.Aws.Sns;

namespace Infra.Components.Observability;

/// <summary>
/// The Slack relay Lambda (components/assets/slack-relay) subscribed to the severity topics it relays, with each
/// webhook URL in a Secrets Manager secret (the shared one, and one per severity with a channel of its own), its own
/// log group, a role that may write those logs, read those secrets and send to its dead-letter queue only, and that
/// queue: an alert that fails every retry waits there, and its depth alarm notifies the high topic.
/// </summary>
public sealed class SlackRelay : ComponentResource
{
    /// <summary>Covers four attempts of 5 s and three waits of up to 10 s (see the relay's README).</summary>
    public const int TimeoutSeconds = 60;

    /// <summary>How long a failed alert waits in the dead-letter queue: two weeks, SQS's longest.</summary>
    public const int DeadLetterRetentionDays = 14;

    public Output<string> FunctionArn { get; }

    /// <summary>The shared webhook's secret; null when every relayed severity has its own.</summary>
    public Output<string>? WebhookSecretArn { get; }

    /// <summary>The secret each relayed or digested severity's webhook is read from.</summary>
    public IReadOnlyDictionary<Severity, Output<string>> WebhookSecretArns { get; }

    public Output<string> DeadLetterQueueArn { get; }

    public SlackRelay(string name, SlackRelayArgs args, ComponentResourceOptions? options = null)
        : base("infra:observability:SlackRelay", name, options)
    {
        var settings = args.Settings;
        var naming = StackConventions.Naming(settings);
        var functionName = naming.Resource("slack-relay");
        var child = new CustomResourceOptions { Parent = this };

        WebhookSecretArn = args.WebhookUrl is { } shared ? DeclareSecret($"{name}-webhook", naming.Resource("slack-webhook"), "Slack incoming webhook URL read by the alerting relay", shared, settings) : null;
        var own = args.WebhookUrlsBySeverity.ToDictionary(p => p.Key, p => DeclareSecret(
            $"{name}-webhook-{p.Key.ToConfigName()}", naming.Resource("slack-webhook", p.Key.ToConfigName()),
            $"Slack incoming webhook URL of the {p.Key.ToConfigName()} alerts", p.Value, settings));
        WebhookSecretArns = Enum.GetValues<Severity>()
            .Select(s => (Severity: s, Arn: own.TryGetValue(s, out var arn) ? arn : WebhookSecretArn))
            .Where(p => p.Arn is not null)
            .ToDictionary(p => p.Severity, p => p.Arn!);
        var secretArns = Output.All(own.Values.Concat(WebhookSecretArn is null ? [] : [WebhookSecretArn]));

        var queueName = naming.Resource("slack-relay-dead-letters");
        var queue = DeadLetterQueue.Declare(this, name, settings, queueName, DeadLetterRetentionDays);
        var environment = new InputMap<string> { ["DASHBOARD_NAME"] = args.DashboardName };
        if (WebhookSecretArn is not null) environment["SLACK_WEBHOOK_SECRET_ARN"] = WebhookSecretArn;
        if (own.Count > 0)
            environment["SLACK_WEBHOOK_SECRET_ARNS"] = Output.All(own.Select(p => p.Value.Apply(arn => KeyValuePair.Create(p.Key.ToConfigName(), arn))))
                .Apply(pairs => JsonSerializer.Serialize(pairs.ToDictionary(p => p.Key, p => p.Value)));

        var function = NodeFunction.Declare(this, name, new NodeFunctionArgs
        {
            Settings = settings,
            FunctionName = functionName,
            Description = "Relays the alerting topics to Slack",
            RoleDescription = "Slack relay: writes its own logs, reads the webhook secrets and sends failed alerts to its dead-letter queue",
            Source = LambdaSource.SlackRelay,
            Policy = logGroupArn => Output.Tuple(logGroupArn, secretArns, queue.Arn)
                .Apply(p => AlertingPolicies.SlackRelayPermissions(p.Item1, p.Item2, p.Item3).ToJson()),
            TimeoutSeconds = TimeoutSeconds,
            LogRetentionDays = args.LogRetentionDays,
            LogsKmsKeyArn = args.LogsKmsKeyArn,
            DeadLetterConfig = new FunctionDeadLetterConfigArgs { TargetArn = queue.Arn },
            Environment = environment,
        });
        DeadLetterQueue.DeclareDepthAlarm(this, name, settings, naming.AlarmName(null, null, "slack-relay-dead-letters"),
            $"An alert failed every delivery to Slack and waits in {queueName}: read it there and in the relay's logs " +
            $"(/aws/lambda/{functionName}), then check the webhook secrets.",
            queue, args.HighTopicArn);

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
        DeadLetterQueueArn = queue.Arn;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["functionArn"] = FunctionArn,
            ["webhookSecretArn"] = WebhookSecretArn,
            ["deadLetterQueueArn"] = DeadLetterQueueArn,
        });
    }

    private Output<string> DeclareSecret(string resourceName, string secretName, string description, Output<string> url, StackSettings settings)
    {
        var secret = new Secret(resourceName, new SecretArgs
        {
            Name = secretName,
            Description = description,
            KmsKeyId = "alias/aws/secretsmanager",
            Tags = StackConventions.Tags(settings, secretName),
        }, new CustomResourceOptions { Parent = this, Protect = settings.IsProduction });
        new SecretVersion($"{resourceName}-value", new SecretVersionArgs
        {
            SecretId = secret.Id,
            SecretString = url,
        }, new CustomResourceOptions { Parent = this });
        return secret.Arn;
    }
}

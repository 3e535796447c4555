using System.Text.Json;
using Infra.Components.Conventions;
using Infra.Components.Functions;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Lambda.Inputs;

namespace Infra.Components.Observability;

/// <summary>Arguments of <see cref="AlarmDigest"/>.</summary>
public sealed class AlarmDigestArgs
{
    public required StackSettings Settings { get; init; }

    /// <summary>The low-severity alarms to summarise, ARN by name (the primary catalog's).</summary>
    public required IReadOnlyDictionary<string, Output<string>> LowAlarmArns { get; init; }

    /// <summary>The secret of the low channel's webhook (<see cref="SlackRelay.WebhookSecretArns"/>).</summary>
    public required Output<string> WebhookSecretArn { get; init; }

    /// <summary>The topic the dead-letter queue's alarm notifies.</summary>
    public required Output<string> HighTopicArn { get; init; }

    /// <summary>How long the digest's logs are kept. Default: 30 days.</summary>
    public int LogRetentionDays { get; init; } = 30;

    /// <summary>The digest's log group key (<c>LogsKey.Arn</c> of the primary region). Default: none, CloudWatch Logs' own key.</summary>
    public Input<string>? LogsKmsKeyArn { get; init; }
}

/// <summary>
/// The daily digest of low-severity alarms (components/assets/slack-relay, handler <c>digest.handler</c>): an
/// EventBridge schedule runs it once a day at <c>infra:alerting.digest.hourUtc</c>; it reads the day's alarm history of
/// the low alarms and posts one Slack message, none on a quiet day. A run that fails Lambda's retries waits in its
/// dead-letter queue, whose depth alarm notifies the high topic.
/// </summary>
public sealed class AlarmDigest : ComponentResource
{
    /// <summary>A few history pages per alarm and one Slack post with its retries (about 50 s at worst).</summary>
    public const int TimeoutSeconds = 120;

    public const string Handler = "digest.handler";

    public Output<string> FunctionArn { get; }

    public AlarmDigest(string name, AlarmDigestArgs args, ComponentResourceOptions? options = null)
        : base("infra:observability:AlarmDigest", name, options)
    {
        if (args.LowAlarmArns.Count == 0)
            throw new ArgumentException("LowAlarmArns is empty; declare the digest only when the catalog has low-severity alarms", nameof(args));
        var settings = args.Settings;
        var naming = StackConventions.Naming(settings);
        var functionName = naming.Resource("alarm-digest");
        var queueName = naming.Resource("alarm-digest-dead-letters");
        var queue = DeadLetterQueue.Declare(this, name, settings, queueName, SlackRelay.DeadLetterRetentionDays);
        var names = args.LowAlarmArns.Keys.Order(StringComparer.Ordinal).ToList();
        var alarmArns = Output.All(names.Select(n => args.LowAlarmArns[n]));

        var function = NodeFunction.Declare(this, name, new NodeFunctionArgs
        {
            Settings = settings,
            FunctionName = functionName,
            Description = "Posts the day's low-severity alarms to Slack in one message",
            RoleDescription = "Alarm digest: reads the low alarms' history and the low channel's webhook secret, writes its own logs",
            Source = LambdaSource.SlackRelay,
            Handler = Handler,
            Policy = logGroupArn => Output.Tuple(logGroupArn, args.WebhookSecretArn, alarmArns, queue.Arn)
                .Apply(p => AlertingPolicies.DigestPermissions(p.Item1, p.Item2, p.Item3, p.Item4).ToJson()),
            TimeoutSeconds = TimeoutSeconds,
            LogRetentionDays = args.LogRetentionDays,
            LogsKmsKeyArn = args.LogsKmsKeyArn,
            DeadLetterConfig = new FunctionDeadLetterConfigArgs { TargetArn = queue.Arn },
            Environment =
            {
                ["LOW_ALARM_NAMES"] = JsonSerializer.Serialize(names),
                ["STACK_NAME"] = settings.StackName,
                ["SLACK_WEBHOOK_SECRET_ARN"] = args.WebhookSecretArn,
            },
        });
        var schedule = EventTrigger.Declare(this, name, "schedule", naming.Resource("alarm-digest", "schedule"), function, "alarm-digest", new EventRuleArgs
        {
            Description = "Once a day: the digest of the low-severity alarms",
            ScheduleExpression = settings.Alerting.Digest.Schedule,
        }, settings, queue);
        EventTrigger.AllowDeadLetters(this, name, queue, [schedule]);
        DeadLetterQueue.DeclareDepthAlarm(this, name, settings, naming.AlarmName(null, null, "alarm-digest-dead-letters"),
            $"The daily alarm digest failed every retry and waits in {queueName}: read its logs (/aws/lambda/{functionName}); " +
            "the day's low alarms are in the CloudWatch alarm history.",
            queue, args.HighTopicArn);

        FunctionArn = function.Arn;
        RegisterOutputs(new Dictionary<string, object?> { ["functionArn"] = FunctionArn, ["deadLetterQueueArn"] = queue.Arn });
    }
}

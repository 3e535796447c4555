using Infra.Components.Conventions;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.CloudWatch.Inputs;
using Pulumi.Aws.Lambda;
using Pulumi.Aws.Sqs;

namespace Infra.Components.Functions;

/// <summary>
/// An EventBridge rule (an event pattern or a schedule) that invokes a function: the rule <c>&lt;name&gt;-&lt;suffix&gt;</c>,
/// the permission for exactly that rule to invoke it, and the target. With a dead-letter queue, the target retries a
/// failed delivery for a bounded time and then parks the event there instead of dropping it; <see cref="AllowDeadLetters"/>
/// lets exactly those rules send to the queue.
/// </summary>
public static class EventTrigger
{
    /// <summary>
    /// How long EventBridge keeps retrying an event it cannot hand to the function (default 24 h): after 10 minutes the
    /// event is a person's job, so it goes to the dead-letter queue, whose alarm notifies.
    /// </summary>
    public const int DeliveryMaxAgeSeconds = 600;

    /// <summary>EventBridge's delivery attempts before it dead-letters the event (default 185), with its own back-off.</summary>
    public const int DeliveryMaxRetries = 10;

    public static EventRule Declare(ComponentResource parent, string name, string suffix, string ruleName, Function function, string targetId,
        EventRuleArgs ruleArgs, StackSettings settings, Queue? deadLetters = null)
    {
        ruleArgs.Name = ruleName;
        ruleArgs.Tags = StackConventions.Tags(settings, ruleName);
        var rule = new EventRule($"{name}-{suffix}", ruleArgs, new CustomResourceOptions { Parent = parent });
        var invoke = new Permission($"{name}-invoke-{suffix}", new PermissionArgs
        {
            Action = "lambda:InvokeFunction",
            Function = function.Name,
            Principal = "events.amazonaws.com",
            SourceArn = rule.Arn,
        }, new CustomResourceOptions { Parent = parent });
        var target = new EventTargetArgs
        {
            Rule = rule.Name,
            Arn = function.Arn,
            TargetId = targetId,
        };
        if (deadLetters is not null)
        {
            target.RetryPolicy = new EventTargetRetryPolicyArgs { MaximumEventAgeInSeconds = DeliveryMaxAgeSeconds, MaximumRetryAttempts = DeliveryMaxRetries };
            target.DeadLetterConfig = new EventTargetDeadLetterConfigArgs { Arn = deadLetters.Arn };
        }
        new EventTarget($"{name}-{suffix}-target", target, new CustomResourceOptions { Parent = parent, DependsOn = { invoke } });
        return rule;
    }

    /// <summary>The queue policy <c>&lt;name&gt;-dead-letters-policy</c>: EventBridge may send to the queue for these rules only.</summary>
    public static void AllowDeadLetters(ComponentResource parent, string name, Queue deadLetters, IReadOnlyList<EventRule> rules) =>
        _ = new QueuePolicy($"{name}-dead-letters-policy", new QueuePolicyArgs
        {
            QueueUrl = deadLetters.Url,
            Policy = Output.Tuple(deadLetters.Arn, Output.All(rules.Select(r => r.Arn))).Apply(t => UndeliveredEventsPolicy.For(t.Item1, t.Item2)),
        }, new CustomResourceOptions { Parent = parent });
}

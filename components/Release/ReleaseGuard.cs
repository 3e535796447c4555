using System.Collections.Immutable;
using Infra.Components.Conventions;
using Infra.Components.Functions;
using Infra.Components.Traffic;
using Infra.Stacks.Release;
using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.DynamoDB;
using Pulumi.Aws.Lambda;
using Pulumi.Aws.Lambda.Inputs;

namespace Infra.Components.Release;

/// <summary>
/// The release guard (components/assets/release-guard): a Lambda that EventBridge invokes when a watched alarm goes to
/// ALARM, and every minute, which flips a rollout's traffic back to the live colors when the runner does not (see
/// README, "When the runner dies mid-rollout"). Its role may change only this stack's weights listeners and rules,
/// read and write only this stack's ledger items, and page only the critical topic. Its configuration is one of those
/// items (<see cref="GuardConfigItem"/>). An event it fails on (one without that item too), after Lambda's own retries,
/// lands in an encrypted dead-letter queue whose first message pages the critical topic; so does an event EventBridge
/// could not deliver to it within its bounded retries.
/// </summary>
public sealed class ReleaseGuard : ComponentResource
{
    public const string Type = "infra:release:ReleaseGuard";

    /// <summary>A handful of DynamoDB, load-balancer and SNS calls; the SDK's own retries fit well inside.</summary>
    public const int TimeoutSeconds = 30;

    /// <summary>Lambda's CPU grows with memory: a faster cold start counts toward moving traffic back within seconds.</summary>
    public const int MemorySizeMb = 256;

    /// <summary>How often the guard looks for a rollout whose runner stopped renewing its lease.</summary>
    public const string Schedule = "rate(1 minute)";

    private const string TargetId = "release-guard";

    public Output<string> FunctionArn { get; }

    public Output<string> DeadLetterQueueArn { get; }

    /// <summary>The guard's own alarms (its dead letters, its errors), both paging the critical topic.</summary>
    public IReadOnlyList<string> AlarmNames { get; }

    public ReleaseGuard(string name, ReleaseGuardArgs args, ComponentResourceOptions? options = null)
        : base(Type, name, options)
    {
        args.Validate();
        var settings = args.Settings;
        var naming = StackConventions.Naming(settings);
        var functionName = naming.Resource("release-guard");

        var queueName = naming.Resource("release-guard-dead-letters");
        var queue = DeadLetterQueue.Declare(this, name, settings, queueName, args.DeadLetterRetentionDays);
        // Resolved once: the guard's config names each route, and its role may change exactly those.
        var routes = Output.All(args.Services.Select(Route));
        // The config lives in the ledger, not the environment (4 KB for all variables): see GuardConfigItem. The
        // function's environment takes the table name from this item, so the item exists before the function can run.
        var configItem = new TableItem($"{name}-config", new TableItemArgs
        {
            TableName = args.LedgerTableName,
            HashKey = LedgerTable.PartitionKey,
            RangeKey = LedgerTable.SortKey,
            Item = Config(args, routes).Apply(GuardConfigItem.ToItemJson),
        }, new CustomResourceOptions { Parent = this });

        var function = NodeFunction.Declare(this, name, new NodeFunctionArgs
        {
            Settings = settings,
            FunctionName = functionName,
            Description = "Moves a rollout's traffic back to the live colors on a gate alarm or an expired lease",
            RoleDescription = "Release guard: moves this stack's traffic back to the live colors and records it in the ledger",
            Source = LambdaSource.ReleaseGuard,
            Policy = logGroupArn => Resources(args, routes, queue.Arn, logGroupArn).Apply(r => ReleaseGuardPolicy.For(r).ToJson()),
            TimeoutSeconds = TimeoutSeconds,
            MemorySizeMb = MemorySizeMb,
            LogRetentionDays = args.LogRetentionDays,
            LogsKmsKeyArn = args.LogsKmsKeyArn,
            DeadLetterConfig = new FunctionDeadLetterConfigArgs { TargetArn = queue.Arn },
            Environment =
            {
                [GuardConfigItem.StackVariable] = settings.StackName,
                [GuardConfigItem.TableVariable] = configItem.TableName,
            },
        });

        var alarmNames = args.Services.SelectMany(s => s.Alarms.Select(a => a.Name)).Distinct().ToList();
        var patterns = GuardEventPatterns.For(alarmNames);
        var rules = new List<EventRule>();
        for (var i = 0; i < patterns.Count; i++)
        {
            var suffix = i == 0 ? "alarms" : $"alarms-{i + 1}";
            rules.Add(EventTrigger.Declare(this, name, suffix, naming.Resource("release-guard", suffix), function, TargetId, new EventRuleArgs
            {
                Description = "Gate and critical alarms of this stack's rollouts going to ALARM",
                EventPattern = patterns[i],
            }, settings, queue));
        }
        rules.Add(EventTrigger.Declare(this, name, "schedule", naming.Resource("release-guard", "schedule"), function, TargetId, new EventRuleArgs
        {
            Description = "Every minute: a rollout whose runner stopped renewing its lease",
            ScheduleExpression = Schedule,
        }, settings, queue));
        EventTrigger.AllowDeadLetters(this, name, queue, rules);

        var deadLettersAlarm = naming.AlarmName(null, null, "release-guard-dead-letters");
        DeadLetterQueue.DeclareDepthAlarm(this, name, settings, deadLettersAlarm,
            $"The release guard gave up on an event: traffic may still be split. Read the message in {queueName}, check the " +
            $"stack's rollout (infra-runner status --stack {settings.StackName}) and roll back by hand if needed.",
            queue, args.CriticalTopicArn);
        var errorsAlarm = naming.AlarmName(null, null, "release-guard-errors");
        AnyDatapointAlarm.Declare(this, $"{name}-errors-alarm", settings, errorsAlarm,
            $"The release guard failed an invocation; Lambda retries it, then sends it to {queueName}. Read its logs (/aws/lambda/{functionName}).",
            new AnyDatapointAlarm.Metric("AWS/Lambda", "Errors", "Sum", "FunctionName", function.Name), args.CriticalTopicArn);

        FunctionArn = function.Arn;
        DeadLetterQueueArn = queue.Arn;
        AlarmNames = [deadLettersAlarm, errorsAlarm];
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["functionArn"] = FunctionArn,
            ["deadLetterQueueArn"] = DeadLetterQueueArn,
            ["alarmNames"] = AlarmNames.ToImmutableArray(),
        });
    }

    private static Output<GuardConfig> Config(ReleaseGuardArgs args, Output<ImmutableArray<GuardedRoute>> routes) =>
        Output.Tuple(routes, args.LedgerTableName, args.CriticalTopicArn)
            .Apply(t => new GuardConfig(args.Settings.StackName, t.Item2, t.Item3, t.Item1));

    private static Output<GuardedRoute> Route(GuardedService service) =>
        Output.Tuple(service.RouteArn, service.TargetGroupArns.Blue, service.TargetGroupArns.Green)
            .Apply(t => new GuardedRoute(service.Name, service.Kind, t.Item1, new(t.Item2, t.Item3), service.Alarms));

    private static Output<GuardResources> Resources(ReleaseGuardArgs args, Output<ImmutableArray<GuardedRoute>> routes, Output<string> queueArn,
        Output<string> logGroupArn)
    {
        var settings = args.Settings;
        return Output.Tuple(
                routes,
                Output.Tuple(args.LedgerTableArn, args.LedgerKeyArn),
                Output.Tuple(args.CriticalTopicArn, args.CriticalTopicKeyArn),
                Output.Tuple(queueArn, logGroupArn))
            .Apply(t => new GuardResources(
                settings.Region,
                settings.StackName,
                t.Item1.Where(r => r.Kind == TrafficRouteKind.Listener).Select(r => r.Route).ToList(),
                t.Item1.Where(r => r.Kind == TrafficRouteKind.Rule).Select(r => r.Route).ToList(),
                t.Item2.Item1, t.Item2.Item2, t.Item3.Item1, t.Item3.Item2, t.Item4.Item1, t.Item4.Item2));
    }
}

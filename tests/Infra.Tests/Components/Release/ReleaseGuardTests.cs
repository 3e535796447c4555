using System.Text.Json.Nodes;
using Infra.Components.Functions;
using Infra.Components.Release;
using Infra.Components.Traffic;
using Infra.Stacks.Loading;
using Infra.Stacks.Settings;
using Infra.Tests.Support;
using Pulumi;

namespace Infra.Tests.Components.Release;

/// <summary>
/// The release guard of a two-service stack (the staging stack file: web on the listener, api on a rule), declared
/// with literal ARNs so every value it wires is visible.
/// </summary>
public sealed class ReleaseGuardTests
{
    private const string Rule = "aws:cloudwatch/eventRule:EventRule";
    private const string Target = "aws:cloudwatch/eventTarget:EventTarget";
    private const string Function = "aws:lambda/function:Function";
    private const string Permission = "aws:lambda/permission:Permission";
    private const string Queue = "aws:sqs/queue:Queue";
    private const string Alarm = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private const string RolePolicy = "aws:iam/rolePolicy:RolePolicy";
    private const string QueuePolicy = "aws:sqs/queuePolicy:QueuePolicy";
    private const string TableItem = "aws:dynamodb/tableItem:TableItem";

    private const string ListenerArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/infra-staging/50dc6c495c0c9188/f2f7dc8efc522ab2";
    private const string RuleArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener-rule/app/infra-staging/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee";
    private const string TableName = "infra-staging-releases";
    private const string TableArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/infra-staging-releases";
    private const string TableKeyArn = "arn:aws:kms:eu-west-1:123456789012:key/1111aaaa-ledger";
    private const string TopicArn = "arn:aws:sns:eu-west-1:123456789012:infra-staging-critical";
    private const string TopicKeyArn = "arn:aws:kms:eu-west-1:123456789012:key/2222bbbb-topics";

    private static readonly WatchedAlarm[] WebAlarms = Watched("web");
    private static readonly WatchedAlarm[] ApiAlarms = Watched("api");

    private static WatchedAlarm[] Watched(string service) =>
    [
        new($"infra-staging-{service}-blue-error-rate", Color.Blue), new($"infra-staging-{service}-green-error-rate", Color.Green),
        new($"infra-staging-{service}-error-rate", null), new("infra-staging-db-connection-errors", null),
    ];

    private static StackSettings Staging { get; } = StackSettingsLoader.FromFile(RepoPaths.StackFile("staging")).GetValidOrThrow();

    private static string TargetGroupArn(string service, string color) =>
        $"arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/{service}-{color}/73e2d6bc24d8a067";

    private static GuardedService Service(string name, TrafficRouteKind kind, string arn, WatchedAlarm[] alarms) =>
        new(name, kind, Output.Create(arn),
            new ColorPair<Output<string>>(Output.Create(TargetGroupArn(name, "blue")), Output.Create(TargetGroupArn(name, "green"))), alarms);

    private static ReleaseGuardArgs Args(IReadOnlyList<GuardedService>? services = null) => new()
    {
        Settings = Staging,
        Services = services ??
        [
            Service("web", TrafficRouteKind.Listener, ListenerArn, WebAlarms),
            Service("api", TrafficRouteKind.Rule, RuleArn, ApiAlarms),
        ],
        LedgerTableName = Output.Create(TableName),
        LedgerTableArn = Output.Create(TableArn),
        LedgerKeyArn = Output.Create(TableKeyArn),
        CriticalTopicArn = Output.Create(TopicArn),
        CriticalTopicKeyArn = Output.Create(TopicKeyArn),
    };

    private static Task<ComponentPlan> PlanAsync() => ComponentPlan.RunAsync(() => new ReleaseGuard("release-guard", Args()));

    private static string Token(string type, string name, string output) => ComponentPlan.Token(type, name, output);

    [Fact]
    public async Task The_alarm_rule_matches_ALARM_state_changes_of_exactly_the_watched_alarms()
    {
        var plan = await PlanAsync();

        var rule = plan.Inputs(Rule, "release-guard-alarms");
        Assert.Equal("infra-staging-release-guard-alarms", (string)rule["name"]!);
        Assert.False(rule.ContainsKey("scheduleExpression"));
        var pattern = JsonNode.Parse((string)rule["eventPattern"]!)!;
        Assert.Equal("""
            {"source":["aws.cloudwatch"],"detail-type":["CloudWatch Alarm State Change"],"detail":{"alarmName":["infra-staging-web-blue-error-rate","infra-staging-web-green-error-rate","infra-staging-web-error-rate","infra-staging-db-connection-errors","infra-staging-api-blue-error-rate","infra-staging-api-green-error-rate","infra-staging-api-error-rate"],"state":{"value":["ALARM"]}}}
            """, pattern.ToJsonString());
    }

    [Fact]
    public async Task The_schedule_rule_runs_every_minute_without_a_pattern()
    {
        var plan = await PlanAsync();

        var rule = plan.Inputs(Rule, "release-guard-schedule");
        Assert.Equal(("infra-staging-release-guard-schedule", "rate(1 minute)"), ((string)rule["name"]!, (string)rule["scheduleExpression"]!));
        Assert.False(rule.ContainsKey("eventPattern"));
        Assert.Equal(2, plan.OfType(Rule).Count);
    }

    [Fact]
    public async Task Both_rules_target_the_function_and_only_they_may_invoke_it()
    {
        var plan = await PlanAsync();

        var functionArn = Token(Function, "release-guard-function", "arn");
        Assert.Equal(
            [("infra-staging-release-guard-alarms", functionArn), ("infra-staging-release-guard-schedule", functionArn)],
            plan.OfType(Target).Select(t => ((string)t["inputs"]!["rule"]!, (string)t["inputs"]!["arn"]!)).Order());
        var permissions = plan.OfType(Permission).Select(p => p["inputs"]!).ToList();
        Assert.All(permissions, p => Assert.Equal(("lambda:InvokeFunction", "events.amazonaws.com", "infra-staging-release-guard"),
            ((string)p["action"]!, (string)p["principal"]!, (string)p["function"]!)));
        Assert.Equal([Token(Rule, "release-guard-alarms", "arn"), Token(Rule, "release-guard-schedule", "arn")],
            permissions.Select(p => (string)p["sourceArn"]!).Order());
    }

    [Fact]
    public async Task Each_target_retries_delivery_for_at_most_10_minutes_then_sends_the_event_to_the_guards_dead_letter_queue()
    {
        var plan = await PlanAsync();

        var targets = plan.OfType(Target).Select(t => t["inputs"]!).ToList();
        Assert.Equal(2, targets.Count);
        Assert.All(targets, t => Assert.Equal(
            (600L, 10L, Token(Queue, "release-guard-dead-letters", "arn")),
            ((long)t["retryPolicy"]!["maximumEventAgeInSeconds"]!, (long)t["retryPolicy"]!["maximumRetryAttempts"]!, (string)t["deadLetterConfig"]!["arn"]!)));
    }

    [Fact]
    public async Task Only_the_guards_own_rules_may_send_to_its_dead_letter_queue()
    {
        var plan = await PlanAsync();

        var queuePolicy = plan.Inputs(QueuePolicy, "release-guard-dead-letters-policy");
        Assert.Equal(Token(Queue, "release-guard-dead-letters", "url"), (string)queuePolicy["queueUrl"]!);
        Assert.Equal(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"UndeliveredEvents\",\"Effect\":\"Allow\"," +
            "\"Principal\":{\"Service\":\"events.amazonaws.com\"},\"Action\":\"sqs:SendMessage\"," +
            $"\"Resource\":\"{Token(Queue, "release-guard-dead-letters", "arn")}\"," +
            $"\"Condition\":{{\"ArnEquals\":{{\"aws:SourceArn\":[\"{Token(Rule, "release-guard-alarms", "arn")}\",\"{Token(Rule, "release-guard-schedule", "arn")}\"]}}}}}}]}}",
            (string)queuePolicy["policy"]!);
    }

    [Fact]
    public async Task The_function_runs_the_guard_source_on_node22_with_its_dead_letter_queue()
    {
        var plan = await PlanAsync();

        var function = plan.Inputs(Function, "release-guard-function");
        Assert.Equal(("infra-staging-release-guard", "nodejs22.x", "index.handler", "[FileArchive]"),
            ((string)function["name"]!, (string)function["runtime"]!, (string)function["handler"]!, (string)function["code"]!));
        Assert.Equal(LambdaSource.Hash(LambdaSource.ReleaseGuard.Find([RepoPaths.Root])), (string)function["sourceCodeHash"]!);
        Assert.Equal(Token("aws:iam/role:Role", "release-guard-role", "arn"), (string)function["role"]!);
        Assert.Equal(Token(Queue, "release-guard-dead-letters", "arn"), (string)function["deadLetterConfig"]!["targetArn"]!);
    }

    [Fact]
    public async Task The_function_environment_names_only_the_config_item_not_the_config()
    {
        var plan = await PlanAsync();

        var variables = plan.Inputs(Function, "release-guard-function")["environment"]!["variables"]!.AsObject();
        Assert.Equal([("GUARD_LEDGER_TABLE", TableName), ("GUARD_STACK", "staging")], variables.Select(v => (v.Key, (string)v.Value!)).Order());
    }

    [Fact]
    public async Task The_guard_config_is_an_item_of_the_stacks_ledger_under_its_own_sort_key()
    {
        var plan = await PlanAsync();

        var item = plan.Inputs(TableItem, "release-guard-config");
        Assert.Equal((TableName, "pk", "sk"), ((string)item["tableName"]!, (string)item["hashKey"]!, (string)item["rangeKey"]!));
        var attributes = JsonNode.Parse((string)item["item"]!)!.AsObject();
        Assert.Equal(["pk", "sk", "config"], attributes.Select(a => a.Key));
        Assert.Equal(("staging", "guard-config"), ((string)attributes["pk"]!["S"]!, (string)attributes["sk"]!["S"]!));
    }

    [Fact]
    public async Task The_guard_config_names_the_listener_of_the_first_service_and_the_rule_of_the_second()
    {
        var plan = await PlanAsync();

        var config = (string)JsonNode.Parse((string)plan.Inputs(TableItem, "release-guard-config")["item"]!)!["config"]!["S"]!;
        Assert.Equal(
            "{\"stack\":\"staging\",\"ledgerTable\":\"infra-staging-releases\",\"criticalTopicArn\":\"" + TopicArn + "\"," +
            "\"services\":{" +
            "\"web\":{\"kind\":\"listener\",\"arn\":\"" + ListenerArn + "\",\"targetGroups\":{\"blue\":\"" + TargetGroupArn("web", "blue") + "\",\"green\":\"" + TargetGroupArn("web", "green") + "\"}}," +
            "\"api\":{\"kind\":\"rule\",\"arn\":\"" + RuleArn + "\",\"targetGroups\":{\"blue\":\"" + TargetGroupArn("api", "blue") + "\",\"green\":\"" + TargetGroupArn("api", "green") + "\"}}}," +
            "\"alarms\":{" +
            "\"infra-staging-api-blue-error-rate\":[{\"service\":\"api\",\"color\":\"blue\"}],\"infra-staging-api-error-rate\":[{\"service\":\"api\"}]," +
            "\"infra-staging-api-green-error-rate\":[{\"service\":\"api\",\"color\":\"green\"}]," +
            "\"infra-staging-db-connection-errors\":[{\"service\":\"web\"},{\"service\":\"api\"}]," +
            "\"infra-staging-web-blue-error-rate\":[{\"service\":\"web\",\"color\":\"blue\"}],\"infra-staging-web-error-rate\":[{\"service\":\"web\"}]," +
            "\"infra-staging-web-green-error-rate\":[{\"service\":\"web\",\"color\":\"green\"}]}}",
            config);
    }

    [Fact]
    public async Task The_role_may_only_flip_this_stacks_routes_touch_its_ledger_items_page_and_dead_letter()
    {
        var plan = await PlanAsync();

        var policy = JsonNode.Parse((string)plan.Inputs(RolePolicy, "release-guard-permissions")["policy"]!)!;
        var statements = policy["Statement"]!.AsArray().Select(s => s!).ToList();
        Assert.All(statements, s => Assert.Equal("Allow", (string)s["Effect"]!));
        Assert.DoesNotContain(statements.SelectMany(s => Strings(s["Action"]!)), a => a.Contains('*'));
        Assert.DoesNotContain(statements.SelectMany(s => Strings(s["Resource"]!)), r => r == "*");
        var logGroup = $"{Token("aws:cloudwatch/logGroup:LogGroup", "release-guard-logs", "arn")}:*";
        Assert.Equal(
            [
                ("FlipWeightsListeners", ["elasticloadbalancing:ModifyListener"], [ListenerArn]),
                ("FlipWeightsRules", ["elasticloadbalancing:ModifyRule"], [RuleArn]),
                ("ReadWriteThisStacksLedgerItems", ["dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:PutItem"], [TableArn]),
                ("UseLedgerKeyThroughDynamoDB", ["kms:Decrypt"], [TableKeyArn]),
                ("PageCriticalTopic", ["sns:Publish"], [TopicArn]),
                ("UseCriticalTopicKeyThroughSns", ["kms:GenerateDataKey", "kms:Decrypt"], [TopicKeyArn]),
                ("SendFailedEventsToOwnQueue", ["sqs:SendMessage"], [Token(Queue, "release-guard-dead-letters", "arn")]),
                ("WriteOwnLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], [logGroup]),
            ],
            statements.Select(s => ((string)s["Sid"]!, Strings(s["Action"]!), Strings(s["Resource"]!))).ToList(),
            new StatementComparer());
        Assert.Equal("""{"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":["staging"]}}""", Condition(statements, "ReadWriteThisStacksLedgerItems"));
        Assert.Equal("""{"StringEquals":{"kms:ViaService":["dynamodb.eu-west-1.amazonaws.com"]}}""", Condition(statements, "UseLedgerKeyThroughDynamoDB"));
        Assert.Equal("""{"StringEquals":{"kms:ViaService":["sns.eu-west-1.amazonaws.com"]}}""", Condition(statements, "UseCriticalTopicKeyThroughSns"));
    }

    [Fact]
    public async Task The_dead_letter_queue_is_encrypted_keeps_failures_14_days_and_pages_on_its_first_message()
    {
        var plan = await PlanAsync();

        var queue = plan.Inputs(Queue, "release-guard-dead-letters");
        Assert.Equal(("infra-staging-release-guard-dead-letters", true, 14L * 24 * 60 * 60),
            ((string)queue["name"]!, (bool)queue["sqsManagedSseEnabled"]!, (long)queue["messageRetentionSeconds"]!));
        var alarm = plan.Inputs(Alarm, "release-guard-dead-letters-alarm");
        Assert.Equal(("infra-staging-release-guard-dead-letters", "AWS/SQS", "ApproximateNumberOfMessagesVisible", "Maximum"),
            ((string)alarm["name"]!, (string)alarm["namespace"]!, (string)alarm["metricName"]!, (string)alarm["statistic"]!));
        Assert.Equal("infra-staging-release-guard-dead-letters", (string)alarm["dimensions"]!["QueueName"]!);
        AssertPagesOnAnyDatapoint(alarm);
    }

    [Fact]
    public async Task The_function_errors_alarm_pages_the_critical_topic()
    {
        var plan = await PlanAsync();

        var alarm = plan.Inputs(Alarm, "release-guard-errors-alarm");
        Assert.Equal(("infra-staging-release-guard-errors", "AWS/Lambda", "Errors", "Sum"),
            ((string)alarm["name"]!, (string)alarm["namespace"]!, (string)alarm["metricName"]!, (string)alarm["statistic"]!));
        Assert.Equal("infra-staging-release-guard", (string)alarm["dimensions"]!["FunctionName"]!);
        AssertPagesOnAnyDatapoint(alarm);
    }

    [Fact]
    public async Task Every_child_is_named_from_the_component_and_parented_to_it()
    {
        var plan = await PlanAsync();

        var component = plan.Urn(ReleaseGuard.Type, "release-guard");
        var children = plan.Resources.Where(r => (string)r["type"]! is not (ReleaseGuard.Type or "pulumi:pulumi:Stack")).ToList();
        Assert.Equal(15, children.Count);
        Assert.All(children, c => Assert.Equal(component, (string)c["parent"]!));
        Assert.All(children, c => Assert.StartsWith("release-guard-", (string)c["name"]!));
    }

    [Fact]
    public async Task Without_alarms_only_the_schedule_invokes_the_guard()
    {
        var plan = await ComponentPlan.RunAsync(() => new ReleaseGuard("release-guard",
            Args([Service("web", TrafficRouteKind.Listener, ListenerArn, [])])));

        Assert.Equal(["release-guard-schedule"], plan.OfType(Rule).Select(r => (string)r["name"]!));
        Assert.Equal(["release-guard-invoke-schedule"], plan.OfType(Permission).Select(r => (string)r["name"]!));
        Assert.DoesNotContain("FlipWeightsRules", (string)plan.Inputs(RolePolicy, "release-guard-permissions")["policy"]!);
    }

    public static TheoryData<Func<ReleaseGuardArgs, ReleaseGuardArgs>, string> InvalidArgs => new()
    {
        { a => Args([]), "ReleaseGuardArgs.Services is empty; pass every service of the load balancer" },
        {
            a => Args([Service("web", TrafficRouteKind.Listener, ListenerArn, []), Service("web", TrafficRouteKind.Rule, RuleArn, [])]),
            "ReleaseGuardArgs.Services names 'web' 2 times; each service once"
        },
        {
            a => new ReleaseGuardArgs
            {
                Settings = a.Settings, Services = a.Services, LedgerTableName = a.LedgerTableName, LedgerTableArn = a.LedgerTableArn, LedgerKeyArn = a.LedgerKeyArn,
                CriticalTopicArn = a.CriticalTopicArn, CriticalTopicKeyArn = a.CriticalTopicKeyArn, LogRetentionDays = 10,
            },
            "ReleaseGuardArgs.LogRetentionDays: 10 is not a CloudWatch Logs retention; allowed 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653"
        },
        {
            a => new ReleaseGuardArgs
            {
                Settings = a.Settings, Services = a.Services, LedgerTableName = a.LedgerTableName, LedgerTableArn = a.LedgerTableArn, LedgerKeyArn = a.LedgerKeyArn,
                CriticalTopicArn = a.CriticalTopicArn, CriticalTopicKeyArn = a.CriticalTopicKeyArn, DeadLetterRetentionDays = 15,
            },
            "ReleaseGuardArgs.DeadLetterRetentionDays: 15 is out of range; allowed 1 to 14"
        },
    };

    [Theory]
    [MemberData(nameof(InvalidArgs))]
    public async Task Wrong_args_are_refused_with_what_is_allowed(Func<ReleaseGuardArgs, ReleaseGuardArgs> change, string message)
    {
        var actual = await ProgramFailure.ArgumentMessageAsync(() => ComponentPlan.RunAsync(() => new ReleaseGuard("release-guard", change(Args()))));

        Assert.Equal(message, actual);
    }

    private static void AssertPagesOnAnyDatapoint(JsonObject alarm)
    {
        Assert.Equal(("GreaterThanThreshold", 0.0, 1L, 60L, "notBreaching"),
            ((string)alarm["comparisonOperator"]!, (double)alarm["threshold"]!, (long)alarm["evaluationPeriods"]!, (long)alarm["period"]!,
             (string)alarm["treatMissingData"]!));
        Assert.Equal([TopicArn], Strings(alarm["alarmActions"]!));
        Assert.Equal([TopicArn], Strings(alarm["okActions"]!));
    }

    private static string Condition(IEnumerable<JsonNode> statements, string sid) =>
        statements.Single(s => (string)s["Sid"]! == sid)["Condition"]!.ToJsonString();

    private static IReadOnlyList<string> Strings(JsonNode node) => node.AsArray().Select(n => (string)n!).ToList();

    private sealed class StatementComparer : IEqualityComparer<(string, IReadOnlyList<string>, IReadOnlyList<string>)>
    {
        public bool Equals((string, IReadOnlyList<string>, IReadOnlyList<string>) x, (string, IReadOnlyList<string>, IReadOnlyList<string>) y) =>
            x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2) && x.Item3.SequenceEqual(y.Item3);

        public int GetHashCode((string, IReadOnlyList<string>, IReadOnlyList<string>) obj) => obj.Item1.GetHashCode();
    }
}

using System.Text.Json.Nodes;
using Infra.Components.Functions;
using Infra.Components.Observability;
using Infra.Tests.Support;
using Pulumi;
using static Infra.Tests.Components.Observability.ObservabilityFixtures;

namespace Infra.Tests.Components.Observability;

public class AlarmDigestTests
{
    private const string SecretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:infra-production-slack-webhook-AbC";
    private const string HighTopic = "arn:aws:sns:eu-west-1:123456789012:infra-production-high";
    private static readonly string[] LowAlarms = ["infra-production-web-cpu-high", "infra-production-api-cpu-high"];

    private static string AlarmArn(string name) => $"arn:aws:cloudwatch:eu-west-1:123456789012:alarm:{name}";

    private static Task<ComponentPlan> PlanAsync() =>
        ComponentPlan.RunAsync(() => new AlarmDigest("alarm-digest", new AlarmDigestArgs
        {
            Settings = Production,
            LowAlarmArns = LowAlarms.ToDictionary(n => n, n => Output.Create(AlarmArn(n))),
            WebhookSecretArn = Output.Create(SecretArn),
            HighTopicArn = Output.Create(HighTopic),
        }), "production");

    [Fact]
    public async Task The_digest_is_the_relay_folders_digest_handler_with_the_low_alarms_and_the_low_channel()
    {
        var plan = await PlanAsync();

        var function = plan.Inputs("aws:lambda/function:Function", "alarm-digest-function");
        Assert.Equal(("infra-production-alarm-digest", "nodejs22.x", "digest.handler", 120L),
            ((string)function["name"]!, (string)function["runtime"]!, (string)function["handler"]!, (long)function["timeout"]!));
        Assert.Equal(LambdaSource.Hash(LambdaSource.SlackRelay.Find([RepoPaths.Root])), (string)function["sourceCodeHash"]!);
        var variables = function["environment"]!["variables"]!;
        Assert.Equal("[\"infra-production-api-cpu-high\",\"infra-production-web-cpu-high\"]", (string)variables["LOW_ALARM_NAMES"]!);
        Assert.Equal(("production", SecretArn), ((string)variables["STACK_NAME"]!, (string)variables["SLACK_WEBHOOK_SECRET_ARN"]!));
    }

    [Fact]
    public async Task An_eventbridge_schedule_runs_it_once_a_day_at_the_configured_hour()
    {
        var plan = await PlanAsync();

        var rule = plan.Inputs("aws:cloudwatch/eventRule:EventRule", "alarm-digest-schedule");
        Assert.Equal(("infra-production-alarm-digest-schedule", "cron(0 8 * * ? *)"), ((string)rule["name"]!, (string)rule["scheduleExpression"]!));
        var ruleArn = ComponentPlan.Token("aws:cloudwatch/eventRule:EventRule", "alarm-digest-schedule", "arn");
        var permission = plan.Inputs("aws:lambda/permission:Permission", "alarm-digest-invoke-schedule");
        Assert.Equal(("events.amazonaws.com", ruleArn), ((string)permission["principal"]!, (string)permission["sourceArn"]!));
        var target = plan.Inputs("aws:cloudwatch/eventTarget:EventTarget", "alarm-digest-schedule-target");
        Assert.Equal(ComponentPlan.Token("aws:lambda/function:Function", "alarm-digest-function", "arn"), (string)target["arn"]!);
    }

    [Fact]
    public async Task Its_role_reads_only_the_low_alarms_history_and_the_one_secret()
    {
        var plan = await PlanAsync();

        var policy = JsonNode.Parse((string)plan.Inputs("aws:iam/rolePolicy:RolePolicy", "alarm-digest-permissions")["policy"]!)!;
        var statements = policy["Statement"]!.AsArray().ToDictionary(s => (string)s!["Sid"]!, s => (
            Actions: s!["Action"]!.AsArray().Select(a => (string)a!).ToArray(), Resources: s["Resource"]!.AsArray().Select(r => (string)r!).ToArray()));
        Assert.Equal(["WriteOwnLogs", "ReadWebhookSecret", "ReadLowAlarmHistory", "SendFailedInvocationsToOwnQueue"], statements.Keys);
        Assert.Equal(["cloudwatch:DescribeAlarmHistory"], statements["ReadLowAlarmHistory"].Actions);
        Assert.Equal(LowAlarms.Order(StringComparer.Ordinal).Select(AlarmArn), statements["ReadLowAlarmHistory"].Resources);
        Assert.Equal([SecretArn], statements["ReadWebhookSecret"].Resources);
        Assert.Equal([ComponentPlan.Token("aws:sqs/queue:Queue", "alarm-digest-dead-letters", "arn")], statements["SendFailedInvocationsToOwnQueue"].Resources);
    }

    [Fact]
    public async Task A_run_that_fails_every_retry_waits_in_its_dead_letter_queue_whose_depth_alarm_notifies_high()
    {
        var plan = await PlanAsync();

        var queueArn = ComponentPlan.Token("aws:sqs/queue:Queue", "alarm-digest-dead-letters", "arn");
        Assert.Equal(queueArn, (string)plan.Inputs("aws:lambda/function:Function", "alarm-digest-function")["deadLetterConfig"]!["targetArn"]!);
        var alarm = plan.Inputs("aws:cloudwatch/metricAlarm:MetricAlarm", "alarm-digest-dead-letters-alarm");
        Assert.Equal(("infra-production-alarm-digest-dead-letters", HighTopic),
            ((string)alarm["name"]!, (string)alarm["alarmActions"]![0]!));
    }

    [Fact]
    public async Task A_schedule_eventbridge_cannot_deliver_is_retried_then_parked_in_the_same_queue_which_only_that_rule_may_send_to()
    {
        var plan = await PlanAsync();

        var queueArn = ComponentPlan.Token("aws:sqs/queue:Queue", "alarm-digest-dead-letters", "arn");
        var target = plan.Inputs("aws:cloudwatch/eventTarget:EventTarget", "alarm-digest-schedule-target");
        Assert.Equal((600L, 10L), ((long)target["retryPolicy"]!["maximumEventAgeInSeconds"]!, (long)target["retryPolicy"]!["maximumRetryAttempts"]!));
        Assert.Equal(queueArn, (string)target["deadLetterConfig"]!["arn"]!);
        var policy = JsonNode.Parse((string)plan.Inputs("aws:sqs/queuePolicy:QueuePolicy", "alarm-digest-dead-letters-policy")["policy"]!)!;
        var statement = policy["Statement"]![0]!;
        Assert.Equal(("events.amazonaws.com", "sqs:SendMessage", queueArn),
            ((string)statement["Principal"]!["Service"]!, (string)statement["Action"]!, (string)statement["Resource"]!));
        Assert.Equal([ComponentPlan.Token("aws:cloudwatch/eventRule:EventRule", "alarm-digest-schedule", "arn")],
            statement["Condition"]!["ArnEquals"]!["aws:SourceArn"]!.AsArray().Select(a => (string)a!));
    }

    [Fact]
    public async Task Without_low_alarms_there_is_nothing_to_digest() =>
        Assert.Equal("LowAlarmArns is empty; declare the digest only when the catalog has low-severity alarms (Parameter 'args')",
            await ProgramFailure.ArgumentMessageAsync(() => ComponentPlan.RunAsync(() => new AlarmDigest("alarm-digest", new AlarmDigestArgs
            {
                Settings = Production,
                LowAlarmArns = new Dictionary<string, Output<string>>(),
                WebhookSecretArn = Output.Create(SecretArn),
                HighTopicArn = Output.Create(HighTopic),
            }))));
}

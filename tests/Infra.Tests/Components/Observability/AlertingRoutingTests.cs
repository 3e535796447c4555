using System.Text.Json.Nodes;
using Infra.Components.Observability;
using Infra.Runner.Plan;
using Infra.Stacks.Loading;
using Infra.Stacks.Settings;
using Infra.Tests.Support;
using Pulumi;
using static Infra.Tests.Components.Observability.ObservabilityFixtures;

namespace Infra.Tests.Components.Observability;

/// <summary>Where each severity goes: pager and SMS for critical, a Slack webhook per severity, dead letters on high.</summary>
public class AlertingRoutingTests
{
    private const string TopicType = "aws:sns/topic:Topic";
    private const string SubscriptionType = "aws:sns/topicSubscription:TopicSubscription";
    private const string FunctionType = "aws:lambda/function:Function";
    private const string QueueType = "aws:sqs/queue:Queue";
    private const string AlarmType = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private const string SecretType = "aws:secretsmanager/secret:Secret";
    private const string Ciphertext = "AAABAHhU0vB3cNqLk1t2bL9w8PZ0n6kR2yX5cE4dF7gH1jK3mN5pQ8sT0vW2xY4z";

    private static StackSettings Paged(StackSettings settings, bool pager = true, params string[] numbers) => settings with
    {
        Alerting = settings.Alerting with
        {
            Paging = new PagingSettings(new SecretSetting("infra:alerting.pagerUrl", pager),
                numbers.Select((_, i) => new SecretSetting($"infra:alerting.smsNumbers[{i}]", true)).ToValueList()),
        },
    };

    private static readonly string[] Numbers = ["+4915112345678", "+14155550100"];

    private static Task<ComponentPlan> PlanAsync(StackSettings settings, bool subscribeEmails = true, bool subscribePager = true) =>
        ComponentPlan.RunAsync(() => new Alerting("alerting", new AlertingArgs
        {
            Settings = settings,
            SlackWebhookUrl = Output.CreateSecret("https://hooks.slack.com/services/T/B/X"),
            PagerUrl = Output.CreateSecret("https://events.pagerduty.com/integration/KEY123/enqueue"),
            SmsNumbers = Numbers.Select(Output.CreateSecret).ToList(),
            SubscribeEmails = subscribeEmails,
            SubscribePager = subscribePager,
        }));

    private static List<(string Name, string Protocol, string Topic, string Endpoint)> Subscriptions(ComponentPlan plan, params string[] protocols) =>
        plan.OfType(SubscriptionType)
            .Where(s => protocols.Contains((string)s["inputs"]!["protocol"]!))
            .Select(s => ((string)s["name"]!, (string)s["inputs"]!["protocol"]!, (string)s["inputs"]!["topic"]!, (string)s["inputs"]!["endpoint"]!))
            .OrderBy(s => s.Item1, StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Critical_pages_the_events_endpoint_over_https_and_each_sms_number_named_by_position_all_as_secrets()
    {
        var plan = await PlanAsync(Paged(Production, true, Numbers));

        var critical = ComponentPlan.Token(TopicType, "alerting-critical", "arn");
        Assert.Equal([
            ("alerting-critical-pager", "https", critical, "[secret]"),
            ("alerting-critical-sms-1", "sms", critical, "[secret]"),
            ("alerting-critical-sms-2", "sms", critical, "[secret]"),
        ], Subscriptions(plan, "https", "sms"));
        Assert.DoesNotContain("KEY123", plan.Document.ToJsonString());
        // A phone number is personal data: neither in a name nor in a value of the plan.
        Assert.DoesNotContain("5112345678", plan.Document.ToJsonString());
        Assert.DoesNotContain("4155550100", plan.Document.ToJsonString());
    }

    [Fact]
    public async Task Without_paging_settings_or_with_paging_off_nothing_pages()
    {
        Assert.Empty(Subscriptions(await PlanAsync(Paged(Production, false)), "https", "sms"));
        Assert.Empty(Subscriptions(await PlanAsync(Paged(Production, true, "+4915112345678"), subscribePager: false), "https", "sms"));
    }

    [Fact]
    public async Task The_dr_regions_alerting_pages_although_it_subscribes_no_email()
    {
        var plan = await PlanAsync(Paged(Production, true, "+4915112345678"), subscribeEmails: false);

        Assert.Equal(["alerting-critical-pager", "alerting-critical-sms-1"], Subscriptions(plan, "https", "sms").Select(s => s.Name));
        Assert.Empty(Subscriptions(plan, "email"));
    }

    [Fact]
    public async Task A_severity_with_its_own_webhook_gets_its_own_secret_and_the_relay_reads_both()
    {
        var yaml = File.ReadAllText(RepoPaths.StackFile("production"))
            .Replace("  infra:alerting:\n", $"  infra:alerting:\n    slackWebhookUrls:\n      critical:\n        secure: {Ciphertext}\n", StringComparison.Ordinal);
        var document = StackFile.Parse("production", "Pulumi.production.yaml", yaml);
        var settings = StackSettingsLoader.FromDocument(document).GetValidOrThrow();
        ComponentPlan plan;
        using (StackFileConfig.From(document).Apply())
        {
            plan = await ComponentPlan.RunAsync(() => new Alerting("alerting", new AlertingArgs { Settings = settings }), "production");
        }

        var own = plan.Inputs(SecretType, "alerting-slack-relay-webhook-critical");
        Assert.Equal(("infra-production-slack-webhook-critical", "alias/aws/secretsmanager"), ((string)own["name"]!, (string)own["kmsKeyId"]!));
        Assert.True((bool)plan.Resource(SecretType, "alerting-slack-relay-webhook-critical")["protect"]!);
        Assert.Equal("[secret]", (string)plan.Inputs("aws:secretsmanager/secretVersion:SecretVersion", "alerting-slack-relay-webhook-critical-value")["secretString"]!);
        var criticalArn = ComponentPlan.Token(SecretType, "alerting-slack-relay-webhook-critical", "arn");
        var sharedArn = ComponentPlan.Token(SecretType, "alerting-slack-relay-webhook", "arn");
        var variables = plan.Inputs(FunctionType, "alerting-slack-relay-function")["environment"]!["variables"]!;
        Assert.Equal(new JsonObject { ["critical"] = criticalArn }.ToJsonString(), (string)variables["SLACK_WEBHOOK_SECRET_ARNS"]!);
        Assert.Equal(sharedArn, (string)variables["SLACK_WEBHOOK_SECRET_ARN"]!);
        var policy = JsonNode.Parse((string)plan.Inputs("aws:iam/rolePolicy:RolePolicy", "alerting-slack-relay-permissions")["policy"]!)!;
        Assert.Equal([criticalArn, sharedArn], policy["Statement"]![1]!["Resource"]!.AsArray().Select(r => (string)r!));
    }

    [Fact]
    public async Task With_the_digest_off_low_is_relayed_like_the_others()
    {
        var settings = Production with { Alerting = Production.Alerting with { Digest = new DigestSettings(false, 8) } };
        var plan = await PlanAsync(settings);

        Assert.Equal(ComponentPlan.Token(TopicType, "alerting-low", "arn"), (string)plan.Inputs(SubscriptionType, "alerting-slack-relay-low")["topic"]!);
    }

    [Fact]
    public async Task A_relayed_alert_that_fails_every_retry_waits_in_a_dead_letter_queue_whose_depth_alarm_notifies_high()
    {
        var plan = await PlanAsync(Production);

        var queue = plan.Inputs(QueueType, "alerting-slack-relay-dead-letters");
        Assert.Equal(("infra-production-slack-relay-dead-letters", true, 14L * 24 * 60 * 60),
            ((string)queue["name"]!, (bool)queue["sqsManagedSseEnabled"]!, (long)queue["messageRetentionSeconds"]!));
        var queueArn = ComponentPlan.Token(QueueType, "alerting-slack-relay-dead-letters", "arn");
        Assert.Equal(queueArn, (string)plan.Inputs(FunctionType, "alerting-slack-relay-function")["deadLetterConfig"]!["targetArn"]!);

        var alarm = plan.Inputs(AlarmType, "alerting-slack-relay-dead-letters-alarm");
        var high = ComponentPlan.Token(TopicType, "alerting-high", "arn");
        Assert.Equal(("infra-production-slack-relay-dead-letters", "AWS/SQS", "ApproximateNumberOfMessagesVisible", 0.0, "GreaterThanThreshold"),
            ((string)alarm["name"]!, (string)alarm["namespace"]!, (string)alarm["metricName"]!, (double)alarm["threshold"]!, (string)alarm["comparisonOperator"]!));
        Assert.Equal("infra-production-slack-relay-dead-letters", (string)alarm["dimensions"]!["QueueName"]!);
        Assert.Equal([high], alarm["alarmActions"]!.AsArray().Select(a => (string)a!));
        Assert.Equal([high], alarm["okActions"]!.AsArray().Select(a => (string)a!));
    }
}

using System.Text.Json.Nodes;
using Infra.Components.Functions;
using Infra.Components.Observability;
using Infra.Runner.Plan;
using Infra.Stacks.Loading;
using Infra.Stacks.Settings;
using Infra.Tests.Support;
using Pulumi;
using static Infra.Tests.Components.Observability.ObservabilityFixtures;

namespace Infra.Tests.Components.Observability;

public class AlertingTests
{
    private const string TopicType = "aws:sns/topic:Topic";
    private const string SubscriptionType = "aws:sns/topicSubscription:TopicSubscription";
    private const string FunctionType = "aws:lambda/function:Function";
    private const string RelayType = "infra:observability:SlackRelay";
    private static readonly string[] Severities = ["critical", "high", "medium", "low"];

    private static Task<ComponentPlan> PlanAsync(StackSettings settings) =>
        ComponentPlan.RunAsync(() => new Alerting("alerting", new AlertingArgs
        {
            Settings = settings,
            SlackWebhookUrl = settings.Alerting.Slack.Mode == SlackMode.Lambda ? Output.CreateSecret("https://hooks.slack.com/services/T/B/X") : null,
            PagerUrl = Output.CreateSecret("https://events.pagerduty.com/v2/enqueue"),
        }));

    [Fact]
    public async Task The_topics_key_is_customer_managed_retained_and_rotated_with_a_policy_of_its_own()
    {
        var plan = await PlanAsync(Staging);

        var key = plan.Resource("aws:kms/key:Key", "alerting-topics-key");
        Assert.True((bool)key["retainOnDelete"]!);
        Assert.True((bool)key["inputs"]!["enableKeyRotation"]!);
        var policy = plan.Inputs("aws:kms/keyPolicy:KeyPolicy", "alerting-topics-key-policy");
        Assert.Equal(ComponentPlan.Token("aws:kms/key:Key", "alerting-topics-key", "keyId"), (string)policy["keyId"]!);
    }

    [Fact]
    public void The_topics_key_policy_keeps_the_account_in_control_and_lets_cloudwatch_encrypt()
    {
        var policy = JsonNode.Parse(AlertingPolicies.TopicKeyPolicy("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"))!;

        var statements = policy["Statement"]!.AsArray();
        Assert.Equal(2, statements.Count);
        Assert.Equal(("arn:aws:iam::123456789012:root", "kms:*"),
            ((string)statements[0]!["Principal"]!["AWS"]!, (string)statements[0]!["Action"]!));
        Assert.Equal("cloudwatch.amazonaws.com", (string)statements[1]!["Principal"]!["Service"]!);
        Assert.Equal("123456789012", (string)statements[1]!["Condition"]!["StringEquals"]!["aws:SourceAccount"]!);
        Assert.Equal(new[] { "kms:Decrypt", "kms:GenerateDataKey*" }, statements[1]!["Action"]!.AsArray().Select(a => (string)a!));
    }

    [Fact]
    public void Cloudwatch_may_publish_only_for_alarms_of_the_topics_own_account()
    {
        var policy = JsonNode.Parse(AlertingPolicies.CloudWatchMayPublish("arn:aws:sns:eu-west-1:123456789012:infra-production-critical"))!;

        var statement = Assert.Single(policy["Statement"]!.AsArray())!;
        Assert.Equal("123456789012", (string)statement["Condition"]!["StringEquals"]!["aws:SourceAccount"]!);
    }

    private static StackSettings Chatbot(StackSettings settings) =>
        settings with { Alerting = settings.Alerting with { Slack = new SlackSettings(SlackMode.Chatbot, "T0123", "C0456") } };

    [Fact]
    public async Task Four_topics_named_by_severity_are_encrypted_and_let_cloudwatch_publish()
    {
        var plan = await PlanAsync(Staging);
        var keyArn = ComponentPlan.Token("aws:kms/key:Key", "alerting-topics-key", "arn");

        foreach (var severity in Severities)
        {
            var topic = plan.Inputs(TopicType, $"alerting-{severity}");
            Assert.Equal(($"infra-staging-{severity}", keyArn), ((string)topic["name"]!, (string)topic["kmsMasterKeyId"]!));
            Assert.Equal($"infra-staging-{severity}", (string)topic["tags"]!["Name"]!);

            var arn = ComponentPlan.Token(TopicType, $"alerting-{severity}", "arn");
            var policy = plan.Inputs("aws:sns/topicPolicy:TopicPolicy", $"alerting-{severity}-policy");
            Assert.Equal(arn, (string)policy["arn"]!);
            var statement = Assert.Single(JsonNode.Parse((string)policy["policy"]!)!["Statement"]!.AsArray())!;
            Assert.Equal(("Allow", "cloudwatch.amazonaws.com", "sns:Publish", arn),
                ((string)statement["Effect"]!, (string)statement["Principal"]!["Service"]!, (string)statement["Action"]!, (string)statement["Resource"]!));
        }
        Assert.Equal(4, plan.OfType(TopicType).Count);
    }

    [Fact]
    public async Task Slack_relay_is_a_node22_lambda_of_the_asset_folder_with_the_secret_and_dashboard()
    {
        var plan = await PlanAsync(Production);

        var function = plan.Inputs(FunctionType, "alerting-slack-relay-function");
        Assert.Equal(("infra-production-slack-relay", "nodejs22.x", "index.handler", "[FileArchive]", 60L),
            ((string)function["name"]!, (string)function["runtime"]!, (string)function["handler"]!, (string)function["code"]!, (long)function["timeout"]!));
        // The archive's contents are not visible to the plan; their hash is, so a changed relay shows up in reviews.
        Assert.Equal(LambdaSource.Hash(LambdaSource.SlackRelay.Find([RepoPaths.Root])), (string)function["sourceCodeHash"]!);
        Assert.Equal(ComponentPlan.Token("aws:iam/role:Role", "alerting-slack-relay-role", "arn"), (string)function["role"]!);
        var variables = function["environment"]!["variables"]!;
        Assert.Equal(ComponentPlan.Token("aws:secretsmanager/secret:Secret", "alerting-slack-relay-webhook", "arn"),
            (string)variables["SLACK_WEBHOOK_SECRET_ARN"]!);
        Assert.Equal("infra-production", (string)variables["DASHBOARD_NAME"]!);
        // Created after its log group (explicitly) and its role's policy (through the role ARN ServiceRole hands out once it is attached).
        var dependsOn = plan.Resource(FunctionType, "alerting-slack-relay-function")["dependsOn"]!.AsArray().Select(d => (string)d!);
        Assert.Equal([plan.Urn("aws:cloudwatch/logGroup:LogGroup", "alerting-slack-relay-logs")], dependsOn);
        Assert.Equal(ComponentPlan.Token("aws:iam/role:Role", "alerting-slack-relay-role", "id"),
            (string)plan.Inputs("aws:iam/rolePolicy:RolePolicy", "alerting-slack-relay-permissions")["role"]!);
        Assert.Equal("/aws/lambda/infra-production-slack-relay",
            (string)plan.Inputs("aws:cloudwatch/logGroup:LogGroup", "alerting-slack-relay-logs")["name"]!);
    }

    [Fact]
    public async Task Relay_role_may_write_its_own_logs_read_the_one_secret_and_send_to_its_queue_and_nothing_else()
    {
        var plan = await PlanAsync(Production);

        var trust = JsonNode.Parse((string)plan.Inputs("aws:iam/role:Role", "alerting-slack-relay-role")["assumeRolePolicy"]!)!;
        Assert.Equal("lambda.amazonaws.com", (string)trust["Statement"]![0]!["Principal"]!["Service"]!);
        var policy = JsonNode.Parse((string)plan.Inputs("aws:iam/rolePolicy:RolePolicy", "alerting-slack-relay-permissions")["policy"]!)!;
        var statements = policy["Statement"]!.AsArray().Select(s => (
            Effect: (string)s!["Effect"]!,
            Actions: s["Action"]!.AsArray().Select(a => (string)a!).ToArray(),
            Resources: s["Resource"]!.AsArray().Select(r => (string)r!).ToArray())).ToList();
        var logGroupArn = ComponentPlan.Token("aws:cloudwatch/logGroup:LogGroup", "alerting-slack-relay-logs", "arn");
        var secretArn = ComponentPlan.Token("aws:secretsmanager/secret:Secret", "alerting-slack-relay-webhook", "arn");
        Assert.Equal(3, statements.Count);
        Assert.All(statements, s => Assert.Equal("Allow", s.Effect));
        Assert.Equal(["logs:CreateLogStream", "logs:PutLogEvents"], statements[0].Actions);
        Assert.Equal([$"{logGroupArn}:*"], statements[0].Resources);
        Assert.Equal(["secretsmanager:GetSecretValue"], statements[1].Actions);
        Assert.Equal([secretArn], statements[1].Resources);
        Assert.Equal(["sqs:SendMessage"], statements[2].Actions);
        Assert.Equal([ComponentPlan.Token("aws:sqs/queue:Queue", "alerting-slack-relay-dead-letters", "arn")], statements[2].Resources);
        Assert.Equal(["Version", "Statement"], policy.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Webhook_secret_value_comes_from_the_stack_config_as_a_secret()
    {
        ComponentPlan plan;
        using (StackFileConfig.From(StackFile.Load(RepoPaths.StackFile("production"))).Apply())
        {
            plan = await ComponentPlan.RunAsync(() => new Alerting("alerting", new AlertingArgs { Settings = Production }), "production");
        }

        var version = plan.Inputs("aws:secretsmanager/secretVersion:SecretVersion", "alerting-slack-relay-webhook-value");
        Assert.Equal("[secret]", (string)version["secretString"]!);
        Assert.Equal(ComponentPlan.Token("aws:secretsmanager/secret:Secret", "alerting-slack-relay-webhook", "id"), (string)version["secretId"]!);
        var secret = plan.Resource("aws:secretsmanager/secret:Secret", "alerting-slack-relay-webhook");
        Assert.Equal(("infra-production-slack-webhook", "alias/aws/secretsmanager", true),
            ((string)secret["inputs"]!["name"]!, (string)secret["inputs"]!["kmsKeyId"]!, (bool)secret["protect"]!));
    }

    [Fact]
    public async Task Every_topic_but_the_digested_low_one_invokes_the_relay_through_a_permission_and_a_subscription()
    {
        var plan = await PlanAsync(Production);

        Assert.DoesNotContain(plan.OfType(SubscriptionType), s => (string)s["name"]! == "alerting-slack-relay-low");
        foreach (var severity in Severities.Where(s => s != "low"))
        {
            var topicArn = ComponentPlan.Token(TopicType, $"alerting-{severity}", "arn");
            var permission = plan.Inputs("aws:lambda/permission:Permission", $"alerting-slack-relay-invoke-{severity}");
            // The function name is set by the component, so the permission names it directly.
            Assert.Equal(("lambda:InvokeFunction", "sns.amazonaws.com", topicArn, "infra-production-slack-relay"),
                ((string)permission["action"]!, (string)permission["principal"]!, (string)permission["sourceArn"]!, (string)permission["function"]!));
            var subscription = plan.Resource(SubscriptionType, $"alerting-slack-relay-{severity}");
            Assert.Equal(("lambda", topicArn, ComponentPlan.Token(FunctionType, "alerting-slack-relay-function", "arn")),
                ((string)subscription["inputs"]!["protocol"]!, (string)subscription["inputs"]!["topic"]!, (string)subscription["inputs"]!["endpoint"]!));
            Assert.Equal([plan.Urn("aws:lambda/permission:Permission", $"alerting-slack-relay-invoke-{severity}")],
                subscription["dependsOn"]!.AsArray().Select(d => (string)d!));
        }
    }

    [Fact]
    public async Task Email_subscriptions_only_for_the_listed_severities()
    {
        var plan = await PlanAsync(Production);

        var emails = plan.OfType(SubscriptionType).Where(s => (string)s["inputs"]!["protocol"]! == "email")
            .Select(s => ((string)s["inputs"]!["topic"]!, (string)s["inputs"]!["endpoint"]!)).ToList();
        Assert.Equal([
            (ComponentPlan.Token(TopicType, "alerting-critical", "arn"), "oncall@example.com"),
            (ComponentPlan.Token(TopicType, "alerting-high", "arn"), "oncall@example.com"),
            (ComponentPlan.Token(TopicType, "alerting-high", "arn"), "platform@example.com"),
        ], emails.Order());
    }

    [Fact]
    public async Task A_second_alerting_of_the_stack_keeps_its_topics_and_relay_but_subscribes_no_email_address_again()
    {
        var plan = await ComponentPlan.RunAsync(() => new Alerting("alerting-dr", new AlertingArgs
        {
            Settings = Production,
            SlackWebhookUrl = Output.CreateSecret("https://hooks.slack.com/services/T/B/X"),
            PagerUrl = Output.CreateSecret("https://events.pagerduty.com/integration/KEY123/enqueue"),
            SubscribeEmails = false,
        }));

        Assert.Equal(Severities.Select(s => $"alerting-dr-{s}").Order(), plan.OfType(TopicType).Select(t => (string)t["name"]!).Order());
        Assert.Single(plan.OfType(FunctionType));
        Assert.DoesNotContain(plan.OfType(SubscriptionType), s => (string)s["inputs"]!["protocol"]! == "email");
    }

    [Fact]
    public async Task No_relay_when_no_webhook_is_set()
    {
        var plan = await PlanAsync(Staging);

        Assert.Empty(plan.OfType(RelayType));
        Assert.Empty(plan.OfType(FunctionType));
        Assert.Empty(plan.OfType("aws:secretsmanager/secret:Secret"));
    }

    [Fact]
    public async Task Chatbot_mode_posts_every_topic_through_aws_chatbot_instead_of_the_lambda()
    {
        var plan = await PlanAsync(Chatbot(Production));

        Assert.Empty(plan.OfType(FunctionType));
        var chatbot = plan.Inputs("aws:chatbot/slackChannelConfiguration:SlackChannelConfiguration", "alerting-chatbot");
        Assert.Equal(("infra-production-alerts", "T0123", "C0456", ComponentPlan.Token("aws:iam/role:Role", "alerting-chatbot-role", "arn")),
            ((string)chatbot["configurationName"]!, (string)chatbot["slackTeamId"]!, (string)chatbot["slackChannelId"]!, (string)chatbot["iamRoleArn"]!));
        Assert.Equal(Severities.Select(s => ComponentPlan.Token(TopicType, $"alerting-{s}", "arn")),
            chatbot["snsTopicArns"]!.AsArray().Select(a => (string)a!));
        Assert.Equal([Alerting.ChatbotGuardrailPolicyArn], chatbot["guardrailPolicyArns"]!.AsArray().Select(a => (string)a!));
        var trust = JsonNode.Parse((string)plan.Inputs("aws:iam/role:Role", "alerting-chatbot-role")["assumeRolePolicy"]!)!;
        Assert.Equal("chatbot.amazonaws.com", (string)trust["Statement"]![0]!["Principal"]!["Service"]!);
    }

    [Fact]
    public async Task Webhook_argument_in_chatbot_mode_is_an_argument_error()
    {
        var message = await ProgramFailure.ArgumentMessageAsync(() => ComponentPlan.RunAsync(() => new Alerting("alerting", new AlertingArgs
        {
            Settings = Chatbot(Production), SlackWebhookUrl = Output.CreateSecret("https://hooks.slack.com/services/T/B/X"),
        })));

        Assert.Equal("SlackWebhookUrl is only used when the slack mode is lambda; leave it unset for chatbot (Parameter 'args')", message);
    }
}

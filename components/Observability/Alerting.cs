using Infra.Components.Conventions;
using Infra.Components.Iam;
using Infra.Stacks.Settings;
using Infra.Stacks.Validation;
using Pulumi;
using Pulumi.Aws.Chatbot;
using Pulumi.Aws.Iam;
using Pulumi.Aws.Kms;
using Pulumi.Aws.Sns;

namespace Infra.Components.Observability;

/// <summary>
/// Four encrypted SNS topics, <c>&lt;prefix&gt;-critical|high|medium|low</c>, that CloudWatch alarms may publish to, and
/// their destinations: the Slack relay Lambda (a webhook per severity or one for all; low goes to the daily digest
/// instead, see <see cref="AlarmDigest"/>) or AWS Chatbot, e-mail for the listed severities, and for critical the pager
/// (an HTTPS subscription to the paging service's events endpoint) and SMS.
/// </summary>
public sealed class Alerting : ComponentResource
{
    /// <summary>AWS Chatbot may at most read CloudWatch, whatever its channel members ask for.</summary>
    public const string ChatbotGuardrailPolicyArn = "arn:aws:iam::aws:policy/CloudWatchReadOnlyAccess";

    /// <summary>The topic ARN of each severity.</summary>
    public IReadOnlyDictionary<Severity, Output<string>> TopicArns { get; }

    /// <summary>The KMS key the topics are encrypted with: a publisher other than CloudWatch needs it through SNS.</summary>
    public Output<string> TopicKeyArn { get; }

    /// <summary>The Slack relay, when the slack mode is lambda and a webhook is set.</summary>
    public SlackRelay? Relay { get; }

    /// <summary>The topic name of each severity; deterministic.</summary>
    public IReadOnlyDictionary<Severity, string> TopicNames { get; }

    public Alerting(string name, AlertingArgs args, ComponentResourceOptions? options = null)
        : base("infra:observability:Alerting", name, options)
    {
        var settings = args.Settings;
        var alerting = settings.Alerting;
        var naming = StackConventions.Naming(settings);
        if (args.SlackWebhookUrl is not null && alerting.Slack.Mode != SlackMode.Lambda)
            throw new ArgumentException("SlackWebhookUrl is only used when the slack mode is lambda; leave it unset for chatbot", nameof(args));

        var topicKeyArn = args.TopicKmsKeyId ?? DeclareTopicKey(name, settings, naming.Resource("alerting"));
        TopicKeyArn = topicKeyArn.ToOutput();
        TopicNames = Enum.GetValues<Severity>().ToDictionary(s => s, s => naming.Resource(s.ToConfigName()));
        var arns = new Dictionary<Severity, Output<string>>();
        foreach (var (severity, topicName) in TopicNames)
        {
            var severityName = severity.ToConfigName();
            var topic = new Topic($"{name}-{severityName}", new TopicArgs
            {
                Name = topicName,
                KmsMasterKeyId = topicKeyArn,
                Tags = StackConventions.Tags(settings, topicName),
            }, new CustomResourceOptions { Parent = this });
            new TopicPolicy($"{name}-{severityName}-policy", new TopicPolicyArgs
            {
                Arn = topic.Arn,
                Policy = topic.Arn.Apply(AlertingPolicies.CloudWatchMayPublish),
            }, new CustomResourceOptions { Parent = this });
            arns[severity] = topic.Arn;
        }
        TopicArns = arns;

        if (alerting.Slack.Mode == SlackMode.Lambda && Enum.GetValues<Severity>().Any(sev => alerting.SlackWebhookFor(sev) is not null))
        {
            var digested = args.DigestsLow && alerting.DigestsLow;
            Relay = new SlackRelay($"{name}-slack-relay", new SlackRelayArgs
            {
                Settings = settings,
                TopicArns = TopicArns.Where(p => alerting.SlackWebhookFor(p.Key) is not null && !(digested && p.Key == Severity.Low))
                    .ToDictionary(p => p.Key, p => p.Value),
                HighTopicArn = TopicArns[Severity.High],
                WebhookUrl = alerting.SlackWebhookUrl.IsSet ? args.SlackWebhookUrl ?? SecretConfig.Read(alerting.SlackWebhookUrl) : null,
                WebhookUrlsBySeverity = Enum.GetValues<Severity>().Where(sev => alerting.SlackWebhookUrls.ContainsKey(sev.ToConfigName()))
                    .ToDictionary(sev => sev, sev => SecretConfig.Read(alerting.SlackWebhookUrls[sev.ToConfigName()])),
                DashboardName = args.DashboardName ?? naming.Prefix,
                LogsKmsKeyArn = args.LogsKmsKeyArn,
            }, new ComponentResourceOptions { Parent = this });
        }
        if (alerting.Slack is { Mode: SlackMode.Chatbot, WorkspaceId: { } workspace, ChannelId: { } channel })
            DeclareChatbot(name, settings, args.ChatbotConfigurationName ?? naming.Resource("alerts"), workspace, channel);

        foreach (var severity in args.SubscribeEmails ? Enum.GetValues<Severity>() : [])
        {
            foreach (var address in alerting.EmailsFor(severity))
            {
                new TopicSubscription($"{name}-{severity.ToConfigName()}-email-{address}", new TopicSubscriptionArgs
                {
                    Topic = TopicArns[severity],
                    Protocol = "email",
                    Endpoint = address,
                }, new CustomResourceOptions { Parent = this });
            }
        }

        if (args.SubscribePager) DeclarePaging(name, alerting.Paging, args.PagerUrl, args.SmsNumbers);

        RegisterOutputs(TopicArns.ToDictionary(p => p.Key.ToConfigName() + "TopicArn", p => (object?)p.Value));
    }

    /// <summary>A customer managed key CloudWatch may use, retained (and protected in production) like every key.</summary>
    private Output<string> DeclareTopicKey(string name, StackSettings settings, string description)
    {
        var key = new Key($"{name}-topics-key", new KeyArgs
        {
            Description = $"{description}: encrypts the alerting topics",
            EnableKeyRotation = true,
            DeletionWindowInDays = 30,
            Tags = StackConventions.Tags(settings, description),
        }, new CustomResourceOptions { Parent = this, RetainOnDelete = true, Protect = settings.IsProduction });
        var policy = new KeyPolicy($"{name}-topics-key-policy", new KeyPolicyArgs
        {
            KeyId = key.KeyId,
            Policy = key.Arn.Apply(AlertingPolicies.TopicKeyPolicy),
        }, new CustomResourceOptions { Parent = this });
        // Topics are usable by alarms only once the policy grants CloudWatch the key.
        return Output.Tuple(key.Arn, policy.Id).Apply(t => t.Item1);
    }

    /// <summary>
    /// Critical alarms page: the events endpoint gets SNS's JSON over HTTPS (the paging service confirms the
    /// subscription itself), each number an SMS, on the critical topic of each region (see <see cref="AlertingArgs.SubscribePager"/>).
    /// </summary>
    private void DeclarePaging(string name, PagingSettings paging, Output<string>? pagerUrl, IReadOnlyList<Output<string>>? smsNumbers)
    {
        var critical = TopicArns[Severity.Critical];
        if (paging.PagerUrl.IsSet)
        {
            // A stack file's secure: value is decrypted only here, so it is checked here too.
            var url = (pagerUrl ?? SecretConfig.Read(paging.PagerUrl)).Apply(value => AlertingRules.PagerUrlProblem(value) is { } problem
                ? throw new InvalidOperationException($"{paging.PagerUrl.KeyPath}: {problem}")
                : value.Trim());
            new TopicSubscription($"{name}-critical-pager", new TopicSubscriptionArgs
            {
                Topic = critical,
                Protocol = "https",
                Endpoint = url,
            }, new CustomResourceOptions { Parent = this });
        }
        for (var i = 0; i < paging.SmsNumbers.Count; i++)
        {
            var setting = paging.SmsNumbers[i];
            if (!setting.IsSet) continue;
            // Named by position and read as a secret: a phone number is personal data, out of names, plans and state.
            var number = (smsNumbers?[i] ?? SecretConfig.Read(setting)).Apply(value => AlertingRules.SmsNumberProblem(value) is { } problem
                ? throw new InvalidOperationException($"{setting.KeyPath}: {problem}")
                : value.Trim());
            new TopicSubscription($"{name}-critical-sms-{i + 1}", new TopicSubscriptionArgs
            {
                Topic = critical,
                Protocol = "sms",
                Endpoint = number,
            }, new CustomResourceOptions { Parent = this });
        }
    }

    private void DeclareChatbot(string name, StackSettings settings, string configurationName, string workspaceId, string channelId)
    {
        var role = new Role($"{name}-chatbot-role", new RoleArgs
        {
            AssumeRolePolicy = PolicyDocument.TrustPolicyFor("chatbot.amazonaws.com"),
            Description = "AWS Chatbot posts the alerting topics to Slack",
            Tags = StackConventions.Tags(settings, configurationName),
        }, new CustomResourceOptions { Parent = this });
        new SlackChannelConfiguration($"{name}-chatbot", new SlackChannelConfigurationArgs
        {
            ConfigurationName = configurationName,
            IamRoleArn = role.Arn,
            SlackTeamId = workspaceId,
            SlackChannelId = channelId,
            SnsTopicArns = TopicArns.Values.ToList(),
            GuardrailPolicyArns = { ChatbotGuardrailPolicyArn },
            LoggingLevel = "ERROR",
            Tags = StackConventions.Tags(settings, configurationName),
        }, new CustomResourceOptions { Parent = this });
    }
}

using Amazon;
using Amazon.CloudWatch;
using Amazon.DynamoDBv2;
using Amazon.ECS;
using Amazon.RDS;
using Amazon.ElasticLoadBalancingV2;
using Amazon.SecretsManager;
using Infra.Ledger;
using Infra.Runner.Adapters;
using Infra.Runner.Adapters.Hooks;
using Infra.Runner.Rollout;
using Pulumi.Automation;
using Serilog;
// Pulumi.Automation has a StackSettings of its own.
using StackSettings = Infra.Stacks.Settings.StackSettings;

namespace Infra.Runner.Commands;

/// <summary>
/// One command's wiring: the selected stack, its release ledger (in the stack's region) and the engine over the real
/// adapters. The stack file gives settings and the seed of the first release; it is never written.
/// </summary>
public sealed class RunnerSession : IDisposable
{
    /// <summary>Per smoke request or notification; a hung test listener counts as a failed answer, not a hung rollout.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Between smoke requests.</summary>
    private static readonly TimeSpan SmokeRetryInterval = TimeSpan.FromSeconds(2);

    private const string AwsRegionVariable = "AWS_REGION";

    /// <summary>Per RDS or ECS call of a release hook; the hook's own timeout bounds its whole wait.</summary>
    private static readonly TimeSpan HookCallTimeout = TimeSpan.FromSeconds(30);

    private const string WebhookKeyPath = "infra:rollout.hooks.webhookKey";

    private readonly HttpClient notifierHttp;
    private readonly HttpClient smokeHttp;
    private readonly IAmazonCloudWatch cloudWatch;
    private readonly AmazonSecretsManagerClient secretsManager;
    private readonly AmazonElasticLoadBalancingV2Client loadBalancing;
    private readonly IAmazonDynamoDB dynamo;
    private readonly RolloutHold hold;

    // The release hooks' RDS and ECS clients and the webhook sender.
    private readonly IReadOnlyList<object?> hookClients;

    private RunnerSession(
        WorkspaceStack stack, ReleaseLedger ledger, RolloutEngine engine, LedgerJournal journal, HttpClient notifierHttp, HttpClient smokeHttp,
        IAmazonCloudWatch cloudWatch, AmazonSecretsManagerClient secretsManager, AmazonElasticLoadBalancingV2Client loadBalancing,
        IAmazonDynamoDB dynamo, RolloutHold hold, IReadOnlyList<object?> hookClients)
    {
        this.hookClients = hookClients;
        Stack = stack;
        Ledger = ledger;
        Engine = engine;
        Journal = journal;
        this.notifierHttp = notifierHttp;
        this.smokeHttp = smokeHttp;
        this.cloudWatch = cloudWatch;
        this.secretsManager = secretsManager;
        this.loadBalancing = loadBalancing;
        this.dynamo = dynamo;
        this.hold = hold;
    }

    public WorkspaceStack Stack { get; }

    /// <summary>The stack's release ledger, in its primary region.</summary>
    public ReleaseLedger Ledger { get; }

    public RolloutEngine Engine { get; }

    /// <summary>The stack's rollout journal, shared by every machine.</summary>
    public LedgerJournal Journal { get; }

    public static async Task<RunnerSession> OpenAsync(RunnerSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        var stack = await LocalWorkspace.SelectStackAsync(new LocalProgramArgs(settings.Stack, settings.WorkDir), cancellationToken);
        var stackSettings = await stack.ReadSettingsAsync(cancellationToken);
        var region = StackRegion(stackSettings, logger);
        // Built for the stack's region itself: AWS_REGION may name another one, and is left as it is.
        var cloudWatch = CloudWatchClients.For(region);
        var dynamo = LedgerClients.ForRegion(region);
        var ledger = new ReleaseLedger(dynamo, stackSettings.StackName);
        var journal = new LedgerJournal(ledger);
        var hold = new RolloutHold(ledger, settings.TakeOver, TimeProvider.System, journal);
        var notifierHttp = new HttpClient { Timeout = RequestTimeout };
        var smokeHttp = SmokeHttpClient.Create(RequestTimeout);
        var secretsManager = new AmazonSecretsManagerClient(RegionEndpoint.GetBySystemName(region));
        var loadBalancing = new AmazonElasticLoadBalancingV2Client(RegionEndpoint.GetBySystemName(region));
        var rds = new AmazonRDSClient(RegionEndpoint.GetBySystemName(region));
        // After a failover the release snapshot is taken of the promoted DR database, in the DR region.
        var drRds = stackSettings.DrRegion is { } drRegion ? new AmazonRDSClient(RegionEndpoint.GetBySystemName(drRegion)) : null;
        var ecs = new AmazonECSClient(RegionEndpoint.GetBySystemName(region));
        // The key is a Pulumi secret of the stack, decrypted by the workspace only when a webhook is first called.
        var webhooks = new HttpsWebhookSender(
            async token => (await stack.GetConfigAsync(WebhookKeyPath, path: true, token)).Value, TimeProvider.System);
        var ports = new RolloutPorts(
            new LedgerStackOperations(stack, ledger, ReleaseMapping.Seed(stackSettings), hold, stackSettings),
            new CloudWatchAlarmReader(cloudWatch, region),
            new CloudWatchTargetGroupMetrics(cloudWatch),
            new HttpSmokeCheck(smokeHttp, TimeProvider.System, SmokeRetryInterval, new SecretsManagerValueReader(secretsManager, region)),
            CreateNotifier(notifierHttp, logger),
            journal,
            TimeProvider.System,
            RunnerLog.Progress(logger))
        {
            TargetHealth = new CloudWatchTargetHealthReader(cloudWatch, TimeProvider.System),
            TrafficSwitch = new ElbTrafficSwitch(loadBalancing),
            Snapshots = new RdsReleaseSnapshots(rds, drRds, SdkCallLimit.Of(HookCallTimeout)),
            Tasks = new EcsMigrationTasks(ecs, SdkCallLimit.Of(HookCallTimeout)),
            Webhooks = webhooks,
        };
        return new RunnerSession(stack, ledger, new RolloutEngine(ports), journal, notifierHttp, smokeHttp, cloudWatch, secretsManager, loadBalancing, dynamo, hold, [rds, drRds, ecs, webhooks]);
    }

    /// <summary>Gives up this command's hold on the rollout, if it still has one; a hold already lost is another runner's.</summary>
    public async Task GiveUpHoldAsync()
    {
        try
        {
            await hold.GiveUpAsync(CancellationToken.None);
        }
        catch (RolloutLeaseException)
        {
        }
    }

    public void Dispose()
    {
        hold.Dispose();
        Stack.Dispose();
        notifierHttp.Dispose();
        smokeHttp.Dispose();
        dynamo.Dispose();
        // The AWS SDK's client holds connections; the offline stand-in has nothing to release.
        (cloudWatch as IDisposable)?.Dispose();
        (secretsManager as IDisposable)?.Dispose();
        (loadBalancing as IDisposable)?.Dispose();
        foreach (var client in hookClients) (client as IDisposable)?.Dispose();
    }

    /// <summary>Slack when <c>INFRA_SLACK_WEBHOOK_URL</c> is an https URL, else the log; the drill uses it too.</summary>
    internal static INotifier CreateNotifier(HttpClient http, ILogger logger)
    {
        var url = Environment.GetEnvironmentVariable(SlackWebhookNotifier.WebhookVariable);
        if (Uri.TryCreate(url, UriKind.Absolute, out var webhook) && webhook.Scheme == Uri.UriSchemeHttps)
        {
            return new SlackWebhookNotifier(http, webhook);
        }

        if (!string.IsNullOrEmpty(url))
        {
            logger.Warning("{Variable:l} is not an https URL; notifications go to the log only", SlackWebhookNotifier.WebhookVariable);
        }

        return new LogNotifier(logger);
    }

    /// <summary>
    /// The stack's alarms and ledger live in its aws:region, so they are always asked there, whatever AWS_REGION says:
    /// a different region would answer that no alarm or table exists.
    /// </summary>
    private static string StackRegion(StackSettings settings, ILogger logger)
    {
        var environment = Environment.GetEnvironmentVariable(AwsRegionVariable);
        if (!string.IsNullOrEmpty(environment) && environment != settings.Region)
        {
            logger.Warning("{Variable:l} is {Environment:l}; CloudWatch and the ledger are read in the stack's region instead", AwsRegionVariable, environment);
        }

        logger.Information("Reading CloudWatch alarms and the release ledger in {Region:l} (the stack's {Key:l})", settings.Region, Infra.Stacks.Loading.ConfigKeys.AwsRegion);
        return settings.Region;
    }
}

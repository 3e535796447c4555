using Amazon.CloudWatch;
using Infra.Runner.Adapters;
using Infra.Runner.Plan;
using Infra.Runner.Rollout;
using Pulumi.Automation;
using Serilog;

namespace Infra.Runner.Commands;

/// <summary>
/// One command's wiring: the selected stack and the engine over the real adapters. Offline (the offline SDK), stack
/// outputs come from the offline plan of the stack file, because there is no deployed stack to read them from.
/// </summary>
public sealed class RunnerSession : IDisposable
{
    /// <summary>Per smoke request or notification; a hung test listener counts as a failed answer, not a hung rollout.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Between smoke requests.</summary>
    private static readonly TimeSpan SmokeRetryInterval = TimeSpan.FromSeconds(2);

    private const string AwsRegionVariable = "AWS_REGION";

    private readonly HttpClient notifierHttp;
    private readonly HttpClient smokeHttp;
    private readonly IAmazonCloudWatch cloudWatch;

    private RunnerSession(WorkspaceStack stack, RolloutEngine engine, HttpClient notifierHttp, HttpClient smokeHttp, IAmazonCloudWatch cloudWatch)
    {
        Stack = stack;
        Engine = engine;
        this.notifierHttp = notifierHttp;
        this.smokeHttp = smokeHttp;
        this.cloudWatch = cloudWatch;
    }

    public WorkspaceStack Stack { get; }

    public RolloutEngine Engine { get; }

    public static async Task<RunnerSession> OpenAsync(RunnerSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        var stack = await LocalWorkspace.SelectStackAsync(new LocalProgramArgs(settings.Stack, settings.WorkDir), cancellationToken);
        var region = await StackRegionAsync(stack, logger, cancellationToken);
        // Built for the stack's region itself: AWS_REGION may name another one, and is left as it is.
        var cloudWatch = CloudWatchClients.For(region);
        IStackOutputsSource outputs = PlanBuilder.Flavor == "offline"
            ? new PlanOutputsSource(settings.StackFilePath)
            : new WorkspaceOutputsSource(stack);
        var notifierHttp = new HttpClient { Timeout = RequestTimeout };
        var smokeHttp = SmokeHttpClient.Create(RequestTimeout);
        var ports = new RolloutPorts(
            new PulumiStackOperations(stack, outputs),
            new CloudWatchAlarmReader(cloudWatch, region),
            new HttpSmokeCheck(smokeHttp, TimeProvider.System, SmokeRetryInterval),
            CreateNotifier(notifierHttp, logger),
            new JsonLinesJournal(settings.JournalPath),
            TimeProvider.System,
            RunnerLog.Progress(logger));
        return new RunnerSession(stack, new RolloutEngine(ports), notifierHttp, smokeHttp, cloudWatch);
    }

    public void Dispose()
    {
        Stack.Dispose();
        notifierHttp.Dispose();
        smokeHttp.Dispose();
        // The AWS SDK's client holds connections; the offline stand-in has nothing to release.
        (cloudWatch as IDisposable)?.Dispose();
    }

    private static INotifier CreateNotifier(HttpClient http, ILogger logger)
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
    /// The stack's alarms live in its aws:region, so CloudWatch is always asked there, whatever AWS_REGION says: a
    /// different region would answer that no alarm exists.
    /// </summary>
    private static async Task<string> StackRegionAsync(WorkspaceStack stack, ILogger logger, CancellationToken cancellationToken)
    {
        var config = await stack.GetAllConfigAsync(cancellationToken);
        if (!config.TryGetValue(Infra.Stacks.Loading.ConfigKeys.AwsRegion, out var region) || string.IsNullOrWhiteSpace(region.Value))
        {
            throw new RolloutInputException(
                $"the stack has no {Infra.Stacks.Loading.ConfigKeys.AwsRegion} config; the runner reads the stack's alarms in that region");
        }

        var environment = Environment.GetEnvironmentVariable(AwsRegionVariable);
        if (!string.IsNullOrEmpty(environment) && environment != region.Value)
        {
            logger.Warning("{Variable:l} is {Environment:l}; CloudWatch is read in the stack's region instead", AwsRegionVariable, environment);
        }

        logger.Information("Reading CloudWatch alarms in {Region:l} (the stack's {Key:l})", region.Value, Infra.Stacks.Loading.ConfigKeys.AwsRegion);
        return region.Value;
    }
}

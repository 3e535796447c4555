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
    /// <summary>Per smoke request; a hung test listener counts as a failed answer, not a hung rollout.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Between smoke requests.</summary>
    private static readonly TimeSpan SmokeRetryInterval = TimeSpan.FromSeconds(2);

    private readonly HttpClient http;

    private RunnerSession(WorkspaceStack stack, RolloutEngine engine, HttpClient http)
    {
        Stack = stack;
        Engine = engine;
        this.http = http;
    }

    public WorkspaceStack Stack { get; }

    public RolloutEngine Engine { get; }

    public static async Task<RunnerSession> OpenAsync(RunnerSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        var stack = await LocalWorkspace.SelectStackAsync(new LocalProgramArgs(settings.Stack, settings.WorkDir), cancellationToken);
        await UseStackRegionAsync(stack, cancellationToken);
        IStackOutputsSource outputs = PlanBuilder.Flavor == "offline"
            ? new PlanOutputsSource(settings.StackFilePath)
            : new WorkspaceOutputsSource(stack);
        var http = new HttpClient { Timeout = RequestTimeout };
        var ports = new RolloutPorts(
            new PulumiStackOperations(stack, outputs),
            new CloudWatchAlarmReader(new AmazonCloudWatchClient()),
            new HttpSmokeCheck(http, TimeProvider.System, SmokeRetryInterval),
            CreateNotifier(http, logger),
            new JsonLinesJournal(settings.JournalPath),
            TimeProvider.System,
            RunnerLog.Progress(logger));
        return new RunnerSession(stack, new RolloutEngine(ports), http);
    }

    public void Dispose()
    {
        Stack.Dispose();
        http.Dispose();
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

    // The CloudWatch client finds its region in the environment; the stack's aws:region is the one its alarms live in.
    private static async Task UseStackRegionAsync(WorkspaceStack stack, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_REGION"))) return;
        var config = await stack.GetAllConfigAsync(cancellationToken);
        if (config.TryGetValue(Infra.Stacks.Loading.ConfigKeys.AwsRegion, out var region))
        {
            Environment.SetEnvironmentVariable("AWS_REGION", region.Value);
        }
    }
}

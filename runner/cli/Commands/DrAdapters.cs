using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.Route53;
using Infra.Ledger;
using Infra.Runner.Adapters;
using Infra.Runner.Adapters.Dr;
using Infra.Runner.Dr;
using Infra.Runner.Rollout;
using Serilog;
using Serilog.Events;
using StackSettings = Infra.Stacks.Settings.StackSettings;

namespace Infra.Runner.Commands;

/// <summary>
/// Failover's ports over the real AWS clients, made once for <c>failover</c>, <c>failback</c> and a drill's promotion
/// (which runs the same failover): RDS, ECS, Route 53 and the DR load balancer's weights (Elastic Load Balancing), the
/// primary's health URL, the release ledger through <paramref name="ledgerRegion"/>'s replica of its global
/// table, and the pager (see <see cref="Pager(HttpClient, JsonObject, ILogger)"/>). Disposing releases the clients.
/// </summary>
public sealed class DrAdapters : IDisposable
{
    /// <summary>Per AWS call and per health request: a region that does not answer in this time counts as down.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    /// <summary><see cref="CallTimeout"/> for the AWS SDK: the request itself is cancelled when it passes.</summary>
    public static readonly SdkCallLimit CallLimit = SdkCallLimit.Of(CallTimeout);

    private readonly IAmazonDynamoDB dynamo;
    private readonly HttpClient http;
    private readonly HttpClient pagerHttp;

    /// <param name="outputs">The stack outputs: the DR region's critical topic (<see cref="SnsCriticalPager.OutputPath"/>).</param>
    public DrAdapters(StackSettings settings, string ledgerRegion, JsonObject outputs, ILogger logger)
    {
        dynamo = LedgerClients.ForRegion(ledgerRegion);
        http = SmokeHttpClient.Create(CallTimeout);
        pagerHttp = new HttpClient { Timeout = CallTimeout };
        Ledger = new ReleaseLedger(dynamo, settings.StackName);
        logger.Information("The release ledger is read and written in {Region:l}", ledgerRegion);
        Ports = new DrPorts(
            new RdsDrDatabase(RdsDrDatabase.ClientFor, CallLimit),
            new EcsDrServices(EcsDrServices.ClientFor, CallLimit),
            new Route53DnsSwitch(new AmazonRoute53Client(), CallLimit),
            new HttpHealthProbe(http),
            new LedgerDrRecord(Ledger),
            Pager(pagerHttp, outputs, logger),
            TimeProvider.System,
            new Progress(logger))
        {
            Routes = new ElbDrRoutes(ElbDrRoutes.ClientFor, CallLimit),
        };
    }

    public DrPorts Ports { get; }

    /// <summary>The release ledger through <c>ledgerRegion</c>'s replica (failover's: the DR region, where it also takes the stack's lease).</summary>
    public ReleaseLedger Ledger { get; }

    /// <summary>
    /// A DR command's pages: Slack (or the log) as every runner notification, and the critical ones also to the DR
    /// region's critical SNS topic, which pages on-call by pager and SMS even when the primary region is gone. A drill's
    /// failover does not (Slack only: <see cref="DrillCommand.FailoverPorts"/>); the drill's own report does.
    /// </summary>
    public static INotifier Pager(HttpClient slackHttp, JsonObject outputs, ILogger logger) => new EveryChannelNotifier(
    [
        new NotifierChannel("Slack", RunnerSession.CreateNotifier(slackHttp, logger)),
        new NotifierChannel("SNS", new SnsCriticalPager(SnsCriticalPager.ClientFor, SnsCriticalPager.TopicArnIn(outputs), CallLimit)),
    ]);

    public void Dispose()
    {
        dynamo.Dispose();
        http.Dispose();
        pagerHttp.Dispose();
    }

    /// <summary>One log line per journaled event; failures at error level.</summary>
    private sealed class Progress(ILogger logger) : IProgress<DrEvent>
    {
        public void Report(DrEvent value) => logger.Write(
            value.Kind.EndsWith("Failed", StringComparison.Ordinal) ? LogEventLevel.Error
                : value.Kind.EndsWith("Refused", StringComparison.Ordinal) || value.Kind.EndsWith("Forced", StringComparison.Ordinal) ? LogEventLevel.Warning
                : LogEventLevel.Information,
            "{Kind:l}: {Message:l}", value.Kind, value.Message);
    }
}

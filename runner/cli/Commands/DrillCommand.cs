using System.CommandLine;
using Infra.Runner.Adapters;
using Infra.Runner.Adapters.Dr;
using Infra.Runner.Dr;
using Infra.Runner.Drill;
using Infra.Ledger;
using Infra.Runner.Rollout;
using Amazon;
using Amazon.SecretsManager;
using Npgsql;
using Pulumi.Automation;
using Serilog;
using Serilog.Events;

namespace Infra.Runner.Commands;

/// <summary>
/// <c>drill [--stack staging] [--allow-production] [--restore] [--report FILE] [--timeout 30m] [--health-successes 3] [--lease-wait 30m]</c>:
/// takes the stack's lease (waiting for a rollout holding it), writes marker rows to the primary, then promotes the stack's DR region through failover (or, with <c>--restore</c>,
/// restores the primary to a new instance), reads the newest marker back, judges RTO and RPO against the stack's targets and
/// writes the report as Markdown and JSON (also sent to Slack and the release ledger).
/// </summary>
public static class DrillCommand
{
    /// <summary>Per health request; a hung DR load balancer counts as a failed answer.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Between health requests; the RTO is only as precise as this.</summary>
    private static readonly TimeSpan HealthRetryInterval = TimeSpan.FromSeconds(5);

    /// <summary>The stack a drill acts on when <c>--stack</c> is not given.</summary>
    public const string DefaultStack = "staging";

    /// <summary>
    /// How long a drill waits for a rollout holding the stack's lease: a scheduled drill should not fail because a
    /// release happened to run, and most releases end well within this.
    /// </summary>
    public static readonly TimeSpan DefaultLeaseWait = TimeSpan.FromMinutes(30);

    /// <param name="restores">The point-in-time restore adapter for a region (RDS), for <c>--restore</c>.</param>
    public static Command Create(TextWriter output, Func<string, IPointInTimeRestore> restores)
    {
        var shared = new RunnerOptions();
        shared.Stack.Required = false;
        shared.Stack.DefaultValueFactory = _ => DefaultStack;
        shared.Stack.Description = $"The stack to drill. Default: {DefaultStack}.";
        var report = new Option<FileInfo?>("--report")
        {
            Description = "Where to write the Markdown report; the JSON report goes next to it (.json). Default: .infra-runner/dr-drill-<stack>-<UTC time>.md in the project folder.",
        };
        var timeout = new Option<string?>("--timeout") { Description = "How long the DR region may take to answer healthy after failover. Default 30m." };
        var successes = new Option<int?>("--health-successes") { Description = "2xx answers in a row from the DR URL's health path. Default 3." };
        var allowProduction = new Option<bool>("--allow-production") { Description = "Drill a production stack (infra:environment: production); refused without it." };
        var restore = new Option<bool>("--restore")
        {
            Description = "A restore drill: markers to the primary, a point-in-time restore into a new instance, the newest marker read from it; the instance is deleted afterwards.",
        };
        var leaseWait = new Option<string?>("--lease-wait")
        {
            Description = $"How long to wait for a rollout or DR command holding the stack's lease to end, e.g. 1h; 0s refuses at once. Default {DrillReport.Duration(DefaultLeaseWait)}.",
        };
        var command = new Command("drill",
            "DR drill with data: takes the stack's lease (waiting for a release holding it), writes marker rows to the primary, promotes the DR region through failover (as `failover --yes --force` would) or " +
            "restores the primary to a new instance (--restore, as infra:database.restoreTest says), reads the newest marker back (RPO) and times the recovery (RTO) against " +
            "infra:dr.rpoTargetSeconds and rtoTargetMinutes, and writes the report (Markdown and JSON, to Slack and the release ledger).")
        {
            report, timeout, successes, allowProduction, restore, leaseWait,
        };
        shared.AddTo(command);
        command.SetAction((parse, token) => RunAsync(
            shared.Read(parse), new DrillFlags(parse.GetValue(report)?.FullName, parse.GetValue(timeout), parse.GetValue(successes),
                parse.GetValue(allowProduction), parse.GetValue(restore), parse.GetValue(leaseWait)), restores, output, token));
        return command;
    }

    /// <summary>The drill's options from the flags; bad values are input errors naming the flag.</summary>
    public static DrillOptions ParseOptions(string? timeout, int? successes, bool restore = false)
    {
        if (successes is < 1)
        {
            throw new RolloutInputException($"--health-successes must be at least 1, got {successes}");
        }

        return new DrillOptions(successes ?? 3, timeout is null ? null : DurationParser.Parse("--timeout", timeout), restore);
    }

    /// <summary>The report's default path: in this machine's runner folder, named after the stack and the drill's start (UTC).</summary>
    public static string DefaultReportPath(RunnerSettings settings, DateTimeOffset now) => ReportFiles.DefaultPath(settings, "dr-drill", now);

    /// <summary>Drill events go to a file of their own next to the report.</summary>
    public static string DrillJournalPath(RunnerSettings settings) => Path.Combine(settings.LocalFolder, $"{settings.Stack}.drill.jsonl");

    /// <summary>
    /// The drill's failover: failover's ports with its pages to Slack only. A drill that goes well must not wake
    /// on-call by pager and SMS; the drill's own report pages SNS too when it is critical (failed, and may have promoted).
    /// </summary>
    public static DrPorts FailoverPorts(DrPorts failover, INotifier slack) => failover with { Pager = slack };

    private sealed record DrillFlags(string? ReportPath, string? Timeout, int? Successes, bool AllowProduction, bool Restore, string? LeaseWait);

    private static async Task<int> RunAsync(
        RunnerSettings settings, DrillFlags flags, Func<string, IPointInTimeRestore> restores, TextWriter output, CancellationToken cancellationToken)
    {
        DrillOptions options;
        TimeSpan leaseWait;
        try
        {
            options = ParseOptions(flags.Timeout, flags.Successes, flags.Restore);
            leaseWait = DrCommands.LeaseWait(flags.LeaseWait, DefaultLeaseWait);
        }
        catch (RolloutInputException error)
        {
            await output.WriteLineAsync($"drill: {error.Message}");
            return ExitCodes.BadInput;
        }

        using var logger = RunnerLog.Create(output, settings.LogJson);
        var reportPath = flags.ReportPath ?? DefaultReportPath(settings, TimeProvider.System.GetUtcNow());
        return await CommandRunner.GuardAsync(logger, "Interrupted before the drill started; nothing was changed", async () =>
        {
            using var stack = await LocalWorkspace.SelectStackAsync(new LocalProgramArgs(settings.Stack, settings.WorkDir), cancellationToken);
            var stackSettings = await stack.ReadSettingsAsync(cancellationToken);
            if (DrillPreconditions.ProductionRefusal(stackSettings.StackName, stackSettings.IsProduction, flags.AllowProduction) is { } refusal)
            {
                await output.WriteLineAsync($"drill: {refusal}");
                return ExitCodes.BadInput;
            }

            var region = stackSettings.Region;
            using var dynamo = LedgerClients.ForRegion(region);
            using var http = SmokeHttpClient.Create(RequestTimeout);
            using var notifierHttp = new HttpClient { Timeout = RequestTimeout };
            // The pager's topic only: no release changes it. What a release may change is read again under the lease.
            var pagerOutputs = await stack.ReadOutputsAsync(cancellationToken);
            // Failover reaches the ledger through the DR region's replica, exactly as in an outage.
            using var failover = new DrAdapters(stackSettings, stackSettings.DrRegion ?? region, pagerOutputs, logger);
            var secretsManager = new AmazonSecretsManagerClient(RegionEndpoint.GetBySystemName(region));
            // The AWS SDK's client holds connections; the offline stand-in has nothing to release.
            using var releaseSecrets = secretsManager as IDisposable;
            var secrets = new SecretsManagerValueReader(secretsManager, region);
            var ledger = new ReleaseLedger(dynamo, stackSettings.StackName);
            // In the primary region, where rollouts take it; the failover inside the drill runs under this lease.
            return await HeldDrCommand.RunAsync(ledger, DrLeaseTerms.Planned("drill", leaseWait), TimeProvider.System, logger, async held =>
            {
                // Read under the lease, as the drill's state (from the ledger) is: a release waited out may have changed them.
                var outputs = await stack.ReadOutputsAsync(held);
                var ports = new DrillPorts(
                    new PulumiDrillStack(stack, ledger, new ReleaseStore(ledger, ReleaseMapping.Seed(stackSettings)), outputs),
                    new CloudWatchReplicaLagReader(CloudWatchClients.For),
                    new HttpSmokeCheck(http, TimeProvider.System, HealthRetryInterval),
                    new NpgsqlMarkerStore(
                        DatabaseSecret.ReadOnce(_ => Task.FromResult(PulumiDrillStack.DatabaseSecretArn(outputs)), secrets, "the drill", m => new MarkerStoreException(m)),
                        SslMode.VerifyFull),
                    restores(region),
                    FailoverPorts(failover.Ports, RunnerSession.CreateNotifier(notifierHttp, logger)),
                    new JsonLinesJournal(DrillJournalPath(settings)),
                    // A failed drill that may have promoted pages critically: on-call hears of it through SNS as of a failover.
                    DrAdapters.Pager(notifierHttp, pagerOutputs, logger),
                    new LedgerDrillReports(ledger),
                    new DrillReportFiles(reportPath, logger),
                    TimeProvider.System,
                    new Progress(logger));
                var result = await new DrillEngine(ports).RunAsync(options, held);
                foreach (var problem in result.Problems) logger.Error("Bad input: {Reason:l}", problem);
                logger.Write(result.Outcome == DrillOutcome.Succeeded ? LogEventLevel.Information : LogEventLevel.Error,
                    "{Outcome:l}: {Message:l}", result.Outcome.ToString(), result.Message);
                return result.ExitCode;
            }, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>One log line per journaled drill event; failures and warnings at their level.</summary>
    private sealed class Progress(ILogger logger) : IProgress<DrillEvent>
    {
        public void Report(DrillEvent value) => logger.Write(LevelOf(value.Kind), "{DrillId:l} {Kind:l}: {Message:l}", value.DrillId, value.Kind.ToString(), value.Message);

        private static LogEventLevel LevelOf(DrillEventKind kind) => kind switch
        {
            DrillEventKind.LagUnknown or DrillEventKind.Interrupted or DrillEventKind.ReportNotSent => LogEventLevel.Warning,
            DrillEventKind.LagReadFailed or DrillEventKind.MarkersFailed or DrillEventKind.FailoverFailed or DrillEventKind.MarkerReadFailed
                or DrillEventKind.HealthTimedOut or DrillEventKind.RestoreFailed or DrillEventKind.InstanceDeletionFailed => LogEventLevel.Error,
            _ => LogEventLevel.Information,
        };
    }
}

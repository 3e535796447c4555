using System.CommandLine;
using System.Globalization;
using Infra.Runner.Adapters;
using Infra.Runner.Drill;
using Infra.Ledger;
using Infra.Runner.Rollout;
using Pulumi.Automation;
using Serilog;
using Serilog.Events;

namespace Infra.Runner.Commands;

/// <summary>
/// <c>drill --stack S [--report FILE] [--timeout 30m] [--health-successes 3]</c>: promotes the stack's DR region,
/// measures RTO and RPO and writes a Markdown report; fail-back stays manual (the report lists the steps).
/// </summary>
public static class DrillCommand
{
    /// <summary>Per health request; a hung DR load balancer counts as a failed answer.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Between health requests; the RTO is only as precise as this.</summary>
    private static readonly TimeSpan HealthRetryInterval = TimeSpan.FromSeconds(5);

    public static Command Create(TextWriter output)
    {
        var shared = new RunnerOptions();
        var report = new Option<FileInfo?>("--report")
        {
            Description = "Where to write the Markdown report. Default: .infra-runner/dr-drill-<stack>-<UTC time>.md in the project folder.",
        };
        var timeout = new Option<string?>("--timeout") { Description = "How long the DR region may take to answer healthy after the promotion update. Default 30m." };
        var successes = new Option<int?>("--health-successes") { Description = "2xx answers in a row from the DR URL's health path. Default 3." };
        var command = new Command("drill",
            "DR drill: measures the replica lag (RPO), promotes the DR region (drPromoted in the release ledger and a full update), measures " +
            "the time until it answers healthy (RTO) and writes a report. Promotion is one-way; the report lists the manual fail-back.")
        {
            report, timeout, successes,
        };
        shared.AddTo(command);
        command.SetAction((parse, token) => RunAsync(
            shared.Read(parse), parse.GetValue(report)?.FullName, parse.GetValue(timeout), parse.GetValue(successes), output, token));
        return command;
    }

    /// <summary>The drill's options from the flags; bad values are input errors naming the flag.</summary>
    public static DrillOptions ParseOptions(string? timeout, int? successes)
    {
        if (successes is < 1)
        {
            throw new RolloutInputException($"--health-successes must be at least 1, got {successes}");
        }

        return new DrillOptions(successes ?? 3, timeout is null ? null : DurationParser.Parse("--timeout", timeout));
    }

    /// <summary>The report's default path: in this machine's runner folder, named after the stack and the drill's start (UTC).</summary>
    public static string DefaultReportPath(RunnerSettings settings, DateTimeOffset now) =>
        Path.Combine(settings.LocalFolder, $"dr-drill-{settings.Stack}-{now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.md");

    /// <summary>Drill events go to a file of their own next to the report.</summary>
    public static string DrillJournalPath(RunnerSettings settings) => Path.Combine(settings.LocalFolder, $"{settings.Stack}.drill.jsonl");

    private static async Task<int> RunAsync(
        RunnerSettings settings, string? reportPath, string? timeout, int? successes, TextWriter output, CancellationToken cancellationToken)
    {
        DrillOptions options;
        try
        {
            options = ParseOptions(timeout, successes);
        }
        catch (RolloutInputException error)
        {
            await output.WriteLineAsync($"drill: {error.Message}");
            return ExitCodes.BadInput;
        }

        using var logger = RunnerLog.Create(output, settings.LogJson);
        reportPath ??= DefaultReportPath(settings, TimeProvider.System.GetUtcNow());
        return await CommandRunner.GuardAsync(logger, "Interrupted before the drill started; nothing was changed", async () =>
        {
            using var stack = await LocalWorkspace.SelectStackAsync(new LocalProgramArgs(settings.Stack, settings.WorkDir), cancellationToken);
            var stackSettings = await stack.ReadSettingsAsync(cancellationToken);
            using var dynamo = LedgerClients.ForRegion(stackSettings.Region);
            using var http = SmokeHttpClient.Create(RequestTimeout);
            var ledger = new ReleaseLedger(dynamo, stackSettings.StackName);
            var ports = new DrillPorts(
                new PulumiDrillStack(stack, ledger, new ReleaseStore(ledger, ReleaseMapping.Seed(stackSettings))),
                new CloudWatchReplicaLagReader(CloudWatchClients.For),
                new HttpSmokeCheck(http, TimeProvider.System, HealthRetryInterval),
                new JsonLinesJournal(DrillJournalPath(settings)),
                TimeProvider.System,
                new Progress(logger));
            var result = await new DrillEngine(ports).RunAsync(options, cancellationToken);
            return await FinishAsync(result, reportPath, logger);
        }, cancellationToken);
    }

    private static async Task<int> FinishAsync(DrillResult result, string reportPath, ILogger logger)
    {
        foreach (var problem in result.Problems) logger.Error("Bad input: {Reason:l}", problem);
        if (result.Report is { } report)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(reportPath));
            if (folder is not null) Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(reportPath, report, CancellationToken.None);
            logger.Information("Report written to {Report:l}", reportPath);
        }

        var level = result.Outcome == DrillOutcome.Succeeded ? LogEventLevel.Information : LogEventLevel.Error;
        logger.Write(level, "{Outcome:l}: {Message:l}", result.Outcome.ToString(), result.Message);
        return result.ExitCode;
    }

    /// <summary>One log line per journaled drill event; failures and warnings at their level.</summary>
    private sealed class Progress(ILogger logger) : IProgress<DrillEvent>
    {
        public void Report(DrillEvent value) => logger.Write(LevelOf(value.Kind), "{DrillId:l} {Kind:l}: {Message:l}", value.DrillId, value.Kind.ToString(), value.Message);

        private static LogEventLevel LevelOf(DrillEventKind kind) => kind switch
        {
            DrillEventKind.RpoUnknown or DrillEventKind.StackBusy or DrillEventKind.Interrupted => LogEventLevel.Warning,
            DrillEventKind.RpoReadFailed or DrillEventKind.UpdateFailed or DrillEventKind.HealthTimedOut => LogEventLevel.Error,
            _ => LogEventLevel.Information,
        };
    }
}

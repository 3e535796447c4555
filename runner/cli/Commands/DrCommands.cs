using System.CommandLine;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.SecretsManager;
using Infra.Runner.Adapters;
using Infra.Runner.Adapters.Dr;
using Infra.Ledger;
using Infra.Runner.Dr;
using Infra.Runner.Rollout;
using Infra.Stacks.Loading;
using Infra.Stacks.Release;
using Pulumi.Automation;
using Serilog;
using Serilog.Events;
using StackSettings = Infra.Stacks.Settings.StackSettings;

namespace Infra.Runner.Commands;

/// <summary>
/// <c>failover --stack S [--yes] [--force] [--take-over-lease]</c> and <c>failback --stack S [--yes] [--lease-wait D]</c>:
/// the stack name typed back unless --yes, then the procedure over the real adapters, under the stack's lease
/// (<see cref="HeldDrCommand"/>). The settings come from the stack file with the ledger's release over them and the
/// identifiers from the stack outputs in the Pulumi backend, both read once the lease is held; failover reaches the
/// ledger in the DR region (its global table's replica), so nothing there needs the primary region's APIs. Fail-back
/// takes the lease in the primary region, where rollouts take it. Both write a JSON and a Markdown report.
/// </summary>
public static class DrCommands
{
    public static Command Failover(TextWriter output, TextReader input)
    {
        var force = new Option<bool>("--force") { Description = "Fail over even while the primary answers healthy (its health URL 2xx and its database available)." };
        var takeOverLease = new Option<bool>("--take-over-lease")
        {
            Description = "Take the stack's lease even from a rollout or DR command whose hold has not expired (its runner cut off with the primary region); " +
                "that runner stops at its next renewal. An expired hold is taken without it.",
        };
        var command = Create("failover",
            "Fail over to the DR region with only its APIs: take the stack's lease, mark the release documents for older code, promote the replica, record the promotion in the ledger's dr item, scale the DR services, move DNS " +
            "(hold the primary failover record's Route 53 health check unhealthy), stop the primary's services where reachable, page. Refuses while the primary answers healthy " +
            "unless --force, and while another runner holds the lease unless --take-over-lease.",
            output, input, parse => DrLeaseTerms.Failover(parse.GetValue(takeOverLease)),
            (options, parse, _) => (ports, topology, token) => new Failover(ports, options).RunAsync(topology, parse.GetValue(force), token));
        command.Options.Add(force);
        command.Options.Add(takeOverLease);
        return command;
    }

    public static Command Failback(TextWriter output, TextReader input)
    {
        var leaseWait = new Option<string?>("--lease-wait")
        {
            Description = "How long to wait for a rollout or DR command holding the stack's lease to end, e.g. 30m. Default: refuse at once.",
        };
        var command = Create("failback",
            "Move the primary role back after a failover: take the stack's lease, a new replica of the DR database in the original region, catch-up under the RPO target, " +
            "switching back recorded, writes stopped, the new replica's WAL replay at the DR database's WAL end, promotion, not promoted recorded, the primary's services, DNS back, the DR replica rebuilt, " +
            "then Pulumi's state pointed at the new instances. A run that stopped anywhere is finished by the next one.",
            output, input, parse => DrLeaseTerms.Planned("failback", LeaseWait(parse.GetValue(leaseWait))),
            (options, _, stack) => async (ports, topology, token) =>
            {
                // The database secret lives in the primary region, which a fail-back needs up; the SDK's client holds connections.
                var secretsManager = new AmazonSecretsManagerClient(RegionEndpoint.GetBySystemName(topology.Primary.Region));
                using var releaseSecrets = secretsManager as IDisposable;
                var positions = NpgsqlReplicationPosition.ForStack(stack, secretsManager, topology.Primary.Region);
                return await new Failback(ports with { Positions = positions }, options, new PulumiDrStackState(stack)).RunAsync(topology, token);
            });
        command.Options.Add(leaseWait);
        return command;
    }

    /// <summary><c>--lease-wait</c> as a duration; none is zero (refuse at once). A bad value is an input error naming the flag.</summary>
    public static TimeSpan LeaseWait(string? text, TimeSpan? absent = null) =>
        text is null ? absent ?? TimeSpan.Zero : DurationParser.Parse("--lease-wait", text);

    private static Command Create(
        string name, string description, TextWriter output, TextReader input, Func<ParseResult, DrLeaseTerms> lease,
        Func<DrOptions, ParseResult, WorkspaceStack, Func<DrPorts, DrTopology, CancellationToken, Task<DrResult>>> procedure)
    {
        var shared = new RunnerOptions();
        var yes = new Option<bool>("--yes") { Description = "Do not ask for the stack name to be typed back." };
        var report = new Option<FileInfo?>("--report")
        {
            Description = $"Where to write the Markdown report (the JSON goes next to it). Default: .infra-runner/{name}-<stack>-<UTC time>.md in the project folder.",
        };
        var command = new Command(name, description) { yes, report };
        shared.AddTo(command);
        command.SetAction((parse, token) => RunAsync(name, shared.Read(parse), parse.GetValue(yes), parse.GetValue(report)?.FullName, output, input,
            () => lease(parse), (options, stack) => procedure(options, parse, stack), token));
        return command;
    }

    private static async Task<int> RunAsync(
        string name, RunnerSettings settings, bool yes, string? reportPath, TextWriter output, TextReader input, Func<DrLeaseTerms> lease,
        Func<DrOptions, WorkspaceStack, Func<DrPorts, DrTopology, CancellationToken, Task<DrResult>>> procedure, CancellationToken cancellationToken)
    {
        using var logger = RunnerLog.Create(output, settings.LogJson);
        return await CommandRunner.GuardAsync(logger, $"Interrupted; the {name} report says which step was reached", async () =>
        {
            var terms = lease();
            using var stack = await LocalWorkspace.SelectStackAsync(new LocalProgramArgs(settings.Stack, settings.WorkDir), cancellationToken);
            // The stack file: no release changes it, and it says where the ledger is.
            var stackSettings = await stack.ReadSettingsAsync(cancellationToken);
            DrTopologyReader.RequireDrStack(stackSettings);
            if (!yes && !await ConfirmedAsync(name, stackSettings, output, input))
            {
                logger.Error("The stack name was not typed back; nothing was changed");
                return ExitCodes.BadInput;
            }

            // Failover reaches the ledger through the DR region's replica: it must not need the primary region. Fail-back
            // needs the primary region up and writes the dr item there, where the program reads it, so that each of its
            // fences holds for a `pulumi up` at once, not only once the global table has replicated it. The lease is taken
            // where the ledger is reached: fail-back's where rollouts take it (the primary region), so the two exclude each
            // other at once; failover's in the DR region, where a primary-region holder's writes arrive only by replication.
            // The outputs here give the pager its topic, which no release changes; the topology's are read under the lease.
            using var adapters = new DrAdapters(stackSettings, terms.Disaster ? stackSettings.DrRegion! : stackSettings.Region, await stack.ReadOutputsAsync(cancellationToken), logger);
            return await RunUnderLeaseAsync(adapters.Ledger, terms, TimeProvider.System, logger, stackSettings, stack.ReadOutputsAsync, async (topology, held) =>
            {
                var result = await procedure(new DrOptions(stackSettings.Dr.RpoTargetSeconds), stack)(adapters.Ports, topology, held);
                await ReportFiles.WriteAsync(reportPath ?? DefaultReportPath(name, settings), result.MarkdownReport, result.JsonReport, logger);
                logger.Write(result.Outcome is DrOutcome.Succeeded or DrOutcome.NothingToDo ? LogEventLevel.Information : LogEventLevel.Error,
                    "{Outcome:l}: {Message:l}", result.Outcome.ToString(), result.Message);
                return result.ExitCode;
            }, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Takes the stack's lease on <paramref name="terms"/>, then reads under it what a release may change (the ledger's
    /// release over <paramref name="settings"/>, the stack outputs) and runs <paramref name="act"/> on that topology: a
    /// command that waited out a release acts on the colors that release left, not on those from before it.
    /// </summary>
    internal static Task<int> RunUnderLeaseAsync(
        ReleaseLedger ledger, DrLeaseTerms terms, TimeProvider time, ILogger logger, StackSettings settings,
        Func<CancellationToken, Task<JsonObject>> readOutputs, Func<DrTopology, CancellationToken, Task<int>> act, CancellationToken cancellationToken) =>
        HeldDrCommand.RunAsync(ledger, terms, time, logger, async held =>
        {
            var declared = await DeclaredAsync(settings, ledger, terms.Disaster, logger, held);
            return await act(DrTopologyReader.Read(declared, await readOutputs(held)), held);
        }, cancellationToken);

    /// <summary>
    /// The settings with the ledger's release over them, so the colors scaled are the ones the release routes to. A
    /// release item that cannot be read or does not validate never stops a failover: it then scales both colors of every
    /// service, since which one the DR load balancer routes to is unknown. Fail-back stops instead: it has time to mend it.
    /// </summary>
    internal static async Task<StackSettings> DeclaredAsync(StackSettings settings, ReleaseLedger ledger, bool disaster, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return await LedgerDeclaredSettings.ReadAsync(settings, ledger, new ReleaseStore(ledger, ReleaseMapping.Seed(settings)), cancellationToken);
        }
        catch (Exception error) when (disaster && error is LedgerFormatException or ReleaseStateFormatException or StackSettingsException)
        {
            logger.Warning("The release ledger's release cannot be used ({Error:l}); failover scales both colors of every service in the DR region", error.Message);
            return LedgerDeclaredSettings.PromotedWithEveryColorRouted(settings);
        }
    }

    /// <summary>The stack name typed back, exactly; anything else (or no input) is a no.</summary>
    public static async Task<bool> ConfirmedAsync(string name, StackSettings settings, TextWriter output, TextReader input)
    {
        await output.WriteLineAsync(
            $"{name} of stack {settings.StackName}: primary {settings.Region}, DR {settings.DrRegion}. Type the stack name to go on:");
        return (await input.ReadLineAsync())?.Trim() == settings.StackName;
    }

    public static string DefaultReportPath(string name, RunnerSettings settings) => ReportFiles.DefaultPath(settings, name, DateTimeOffset.UtcNow);
}

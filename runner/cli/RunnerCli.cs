using System.CommandLine;
using Infra.Runner.Adapters.Dr;
using Infra.Runner.Commands;
using Infra.Runner.Plan;

namespace Infra.Runner;

/// <summary>The command line: every command, parse errors as exit code 2, and Ctrl+C handed to the running command.</summary>
public static class RunnerCli
{
    /// <summary>How long a command may take to journal and stop after Ctrl+C before the process exits anyway.</summary>
    private static readonly TimeSpan InterruptGrace = TimeSpan.FromSeconds(30);

    public static RootCommand CreateRoot(TextWriter output) => new(
        "infra-runner: offline plans and plan diffs, and alarm-gated blue/green rollouts of the infra stacks.\n" + ExitCodes.Help)
    {
        PlanCommand.Create(),
        DiffCommand.Create(),
        DeployCommand.Create(output),
        ControlCommands.Rollback(output),
        ControlCommands.Promote(output),
        ControlCommands.Abort(output),
        ControlCommands.Resume(output),
        StatusCommand.Create(output),
        HistoryCommand.Create(output),
        DrillCommand.Create(output, RdsPointInTimeRestore.ForRegion),
        DrCommands.Failover(output, Console.In),
        DrCommands.Failback(output, Console.In),
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        var parse = CreateRoot(output).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) await errors.WriteLineAsync(error.Message);
            await errors.WriteLineAsync("Run with --help for usage.");
            return ExitCodes.BadInput;
        }

        // Ctrl+C cancels the command's token; the engine journals where it stopped before it returns.
        var invocation = new InvocationConfiguration { Output = output, Error = errors, ProcessTerminationTimeout = InterruptGrace };
        return await parse.InvokeAsync(invocation, cancellationToken);
    }
}

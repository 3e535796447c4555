using System.CommandLine;

namespace Infra.Runner.Commands;

/// <summary><c>history --stack S [--rollout ID]</c>: the ledger's rollout events, oldest first, from any machine.</summary>
public static class HistoryCommand
{
    public static Command Create(TextWriter output)
    {
        var shared = new RunnerOptions();
        var rollout = new Option<string?>("--rollout") { Description = "Only the events of this rollout id." };
        var command = new Command("history", "Lists the rollout events journaled in the stack's release ledger, from any machine.") { rollout };
        shared.AddTo(command);
        command.SetAction((parse, token) => RunAsync(shared.Read(parse), parse.GetValue(rollout), output, token));
        return command;
    }

    public static async Task<int> RunAsync(RunnerSettings settings, string? rolloutId, TextWriter output, CancellationToken cancellationToken)
    {
        using var logger = RunnerLog.Create(output, settings.LogJson);
        return await CommandRunner.GuardAsync(logger, "Interrupted while reading the history; nothing was changed", async () =>
        {
            using var session = await RunnerSession.OpenAsync(settings, logger, cancellationToken);
            var shown = 0;
            await foreach (var e in session.Journal.ReadAllAsync(cancellationToken))
            {
                if (rolloutId is not null && e.RolloutId != rolloutId) continue;
                shown++;
                logger.Information("{At:u} {RolloutId:l} {Kind:l}: {Message:l}", e.At, e.RolloutId, e.Kind.ToString(), HookLines.Describe(e));
            }

            if (shown == 0) logger.Information("No rollout events in the release ledger of {Stack:l}", settings.Stack);
            return ExitCodes.Success;
        }, cancellationToken);
    }
}

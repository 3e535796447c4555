using System.CommandLine;
using Infra.Runner.Adapters;
using Infra.Runner.Rollout;

namespace Infra.Runner.Commands;

/// <summary><c>history --stack S [--rollout ID]</c>: the journal's events, oldest first. Reads the journal file only.</summary>
public static class HistoryCommand
{
    public static Command Create(TextWriter output)
    {
        var shared = new RunnerOptions();
        var rollout = new Option<string?>("--rollout") { Description = "Only the events of this rollout id." };
        var command = new Command("history", "Lists the journaled rollout events of the stack.") { rollout };
        shared.AddTo(command);
        command.SetAction(parse => Run(shared.Read(parse), parse.GetValue(rollout), output));
        return command;
    }

    public static int Run(RunnerSettings settings, string? rolloutId, TextWriter output)
    {
        using var logger = RunnerLog.Create(output, settings.LogJson);
        IReadOnlyList<RolloutEvent> events;
        try
        {
            events = new JsonLinesJournal(settings.JournalPath).ReadAll();
        }
        catch (RolloutInputException error)
        {
            logger.Error("Bad input: {Reason:l}", error.Message);
            return ExitCodes.BadInput;
        }

        var shown = events.Where(e => rolloutId is null || e.RolloutId == rolloutId).ToList();
        if (shown.Count == 0)
        {
            logger.Information("No rollout events in {Journal:l}", settings.JournalPath);
        }

        foreach (var e in shown)
        {
            logger.Information("{At:u} {RolloutId:l} {Kind:l}: {Message:l}", e.At, e.RolloutId, e.Kind.ToString(), e.Message);
        }

        return ExitCodes.Success;
    }
}

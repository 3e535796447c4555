using System.CommandLine;
using Infra.Runner.Rollout;

namespace Infra.Runner.Commands;

/// <summary>The commands that steer a rollout already recorded in the stack: rollback, promote, abort and resume.</summary>
public static class ControlCommands
{
    public static Command Rollback(TextWriter output)
    {
        var shared = new RunnerOptions();
        var service = new Option<string?>("--service")
        {
            Description = "Without a rollout in progress: only this service back to 100% on its live color. Default: every service.",
        };
        var command = new Command("rollback",
            "Puts traffic back on the live color with a targeted update of the listener rules only; " +
            "with a rollout in progress, rolls all its services back and ends it.")
        {
            service,
        };
        shared.AddTo(command);
        command.SetAction((parse, token) => CommandRunner.RunAsync(shared.Read(parse), output,
            (session, _, t) => session.Engine.RollbackAsync(parse.GetValue(service), t), token));
        return command;
    }

    public static Command Promote(TextWriter output)
    {
        var shared = new RunnerOptions();
        var full = new Option<bool>("--full") { Description = "Skip every remaining step and bake, not only the current bake." };
        var command = new Command("promote", "Asks the running rollout to skip its current bake (or, with --full, all remaining steps).")
        {
            full,
        };
        shared.AddTo(command);
        command.SetAction((parse, token) => CommandRunner.RunAsync(shared.Read(parse), output,
            (session, _, t) => session.Engine.PromoteAsync(parse.GetValue(full), t), token));
        return command;
    }

    public static Command Abort(TextWriter output) => Simple(output, "abort",
        "Stops the rollout in progress and rolls all its services back.", (session, t) => session.Engine.AbortAsync(t));

    public static Command Resume(TextWriter output)
    {
        var shared = new RunnerOptions();
        var command = new Command("resume", "Continues the rollout recorded in the stack from its recorded phase and step (e.g. after the runner was killed).");
        shared.AddTo(command);
        command.SetAction((parse, token) => CommandRunner.RunAsync(shared.Read(parse), output, async (session, logger, t) =>
        {
            // Like deploy, refused (exit 2, nothing changed) with credentials that would expire before what is left of the rollout.
            if (await session.Engine.ReadRolloutAsync(t) is { } record)
            {
                await CredentialGuard.RequireAsync(record.Plan, RolloutDuration.Remaining(record), "resume", logger, t);
            }

            return await session.Engine.ResumeAsync(t);
        }, token));
        return command;
    }

    private static Command Simple(
        TextWriter output, string name, string description, Func<RunnerSession, CancellationToken, Task<Rollout.RolloutResult>> run)
    {
        var shared = new RunnerOptions();
        var command = new Command(name, description);
        shared.AddTo(command);
        command.SetAction((parse, token) => CommandRunner.RunAsync(shared.Read(parse), output, (session, _, t) => run(session, t), token));
        return command;
    }
}

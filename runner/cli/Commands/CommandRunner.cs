using Infra.Ledger;
using Infra.Runner.Rollout;
using Infra.Stacks.Loading;
using Pulumi.Automation.Commands.Exceptions;
using Serilog;
using Serilog.Events;

namespace Infra.Runner.Commands;

/// <summary>
/// Runs a rollout command against an opened stack and turns every ending into an exit code and a log line:
/// the engine's outcome, bad input (2), a missing stack (2), a stack held by another runner (5), Ctrl+C (130) or an
/// unexpected failure (1).
/// </summary>
public static class CommandRunner
{
    public static async Task<int> RunAsync(
        RunnerSettings settings, TextWriter output, Func<RunnerSession, ILogger, CancellationToken, Task<RolloutResult>> command,
        CancellationToken cancellationToken)
    {
        using var logger = RunnerLog.Create(output, settings.LogJson);
        return await GuardAsync(logger, "Interrupted: any rollout record stays in the release ledger; run resume to continue or rollback to revert, from any machine",
            async () =>
            {
                using var session = await RunnerSession.OpenAsync(settings, logger, cancellationToken);
                RolloutResult result;
                try
                {
                    result = await command(session, logger, cancellationToken);
                }
                finally
                {
                    // A command that ends with the rollout still recorded (a failed rollback, a busy stack) must not
                    // leave it held for minutes by a runner that no longer runs: any machine may continue it at once.
                    await session.GiveUpHoldAsync();
                }

                var level = result.NeedsAttention ? LogEventLevel.Warning : LevelOf(result.Outcome);
                logger.Write(level, "{Outcome:l}: {Message:l}", result.Outcome.ToString(), result.Message);
                return result.ExitCode;
            }, cancellationToken);
    }

    /// <summary>
    /// What any command throws, as an exit code and a log line: bad input or settings and a missing stack (2), Ctrl+C
    /// (130, logging <paramref name="interrupted"/>), anything else (1).
    /// </summary>
    public static async Task<int> GuardAsync(ILogger logger, string interrupted, Func<Task<int>> command, CancellationToken cancellationToken)
    {
        try
        {
            return await command();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.Warning(interrupted);
            return ExitCodes.Interrupted;
        }
        catch (Exception error) when (error is RolloutInputException or StackNotFoundException)
        {
            logger.Error("Bad input: {Reason:l}", error.Message);
            return ExitCodes.BadInput;
        }
        catch (RolloutLeaseException error)
        {
            // Read where no command expects a holder (status while a disaster-recovery command holds the stack).
            logger.Error("{Outcome:l}: {Message:l}", RolloutOutcome.RolloutHeld.ToString(), error.Message);
            return ExitCodes.RolloutHeld;
        }
        catch (LedgerException error)
        {
            // The ledger's own messages say what is wrong and what to do; its stack trace would say nothing more.
            logger.Error("Release ledger: {Reason:l}", error.Message);
            return ExitCodes.Failed;
        }
        catch (StackSettingsException error)
        {
            foreach (var line in error.Errors) logger.Error("Invalid stack config: {Reason:l}", line);
            return ExitCodes.BadInput;
        }
        catch (Exception error)
        {
            logger.Error(error, "Failed: {Reason:l}", error.Message);
            return ExitCodes.Failed;
        }
    }

    private static LogEventLevel LevelOf(RolloutOutcome outcome) => outcome switch
    {
        RolloutOutcome.Succeeded => LogEventLevel.Information,
        RolloutOutcome.RolledBack => LogEventLevel.Warning,
        RolloutOutcome.RollbackFailed => LogEventLevel.Fatal,
        _ => LogEventLevel.Error,
    };
}

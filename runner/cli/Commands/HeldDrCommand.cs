using Infra.Ledger;
using Infra.Runner.Adapters;
using Infra.Runner.Adapters.Dr;
using Infra.Runner.Drill;
using Infra.Runner.Rollout;
using Serilog;

namespace Infra.Runner.Commands;

/// <summary>
/// Runs <c>failover</c>, <c>drill</c> or <c>failback</c> under the stack's lease (<see cref="DrLeaseHold"/>): refused
/// with <see cref="ExitCodes.RolloutHeld"/> and the holder's name while a rollout or another disaster-recovery command
/// holds it, released when the command ends however it ends. A drill or fail-back whose lease is lost stops (exit 5);
/// a failover only says so.
/// </summary>
public static class HeldDrCommand
{
    public static async Task<int> RunAsync(
        ReleaseLedger ledger, DrLeaseTerms terms, TimeProvider time, ILogger logger, Func<CancellationToken, Task<int>> command,
        CancellationToken cancellationToken)
    {
        if (terms.Wait > TimeSpan.Zero)
        {
            logger.Information("Taking the lease of stack {Stack:l}; a rollout or DR command holding it is waited for up to {Wait:l}",
                ledger.Stack, DrillReport.Duration(terms.Wait));
        }

        DrLeaseHold hold;
        try
        {
            hold = await DrLeaseHold.TakeAsync(ledger, terms, time, new LedgerJournal(ledger), cancellationToken);
        }
        catch (RolloutLeaseException refused)
        {
            logger.Error("{Outcome:l}: {Message:l}", nameof(RolloutOutcome.RolloutHeld), $"{terms.Command} was not started, nothing was changed: {refused.Message}");
            return ExitCodes.RolloutHeld;
        }

        int code;
        await using (hold)
        {
            if (hold.Replaced is { } replaced)
            {
                logger.Warning("{Command:l} took over the lease of stack {Stack:l} from {Holder:l}: {Owner:l}, held until {ExpiresAt:l}",
                    terms.Command, ledger.Stack, replaced.HolderName, replaced.Owner.ToString(), LedgerTime.Format(replaced.ExpiresAt));
            }

            logger.Information("{Command:l} holds the lease of stack {Stack:l} as {RunId:l}", terms.Command, ledger.Stack, hold.Taken.RolloutId);
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, terms.Disaster ? CancellationToken.None : hold.Lost);
            try
            {
                code = await command(stopping.Token);
            }
            catch (OperationCanceledException) when (hold.Lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                code = ExitCodes.RolloutHeld;
            }
        }

        if (hold.LostReason is not { } reason) return code;
        if (terms.Disaster)
        {
            logger.Error("failover went on although it lost the stack's lease (another runner may change the stack): {Reason:l}", reason);
            return code;
        }

        logger.Error("{Outcome:l}: {Message:l}", nameof(RolloutOutcome.RolloutHeld), $"{terms.Command} lost the stack's lease and stopped: {reason}");
        return ExitCodes.RolloutHeld;
    }
}

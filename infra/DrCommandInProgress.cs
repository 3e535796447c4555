using Infra.Ledger;

namespace Infra;

/// <summary>
/// Whether a disaster-recovery command is changing the stack while the program runs: failover, drills and fail-back
/// hold the stack's lease through several steps (promote a database, then record it in the <c>dr</c> item), and a
/// <c>pulumi up</c> between two of them would declare a state the command is half-way through changing. A rollout's
/// lease does not count: the runner's own targeted updates run the program while its rollout holds it. A DR command's
/// lease that expired belongs to a runner that died, and no longer counts either.
/// </summary>
public static class DrCommandInProgress
{
    /// <summary>Why the program must stop, naming the command, its holder and expiry and what to do; null to go on.</summary>
    /// <param name="ledger">The ledger the lease was read from, as <see cref="IReleaseSource.Describe"/> names it.</param>
    public static string? Refusal(Lease? lease, DateTimeOffset now, string ledger)
    {
        if (lease is not { DrCommand: { } command } || lease.IsExpiredAt(now)) return null;
        var expiry = LedgerTime.Format(lease.ExpiresAt);
        return $"{ledger}: {lease.HolderName} holds the stack's lease ({lease.Owner}, held until {expiry}) and is changing " +
            $"what this program declares, so nothing was declared. Wait for the {command} to end, or, if its runner died, " +
            $"run this again after {expiry}";
    }
}

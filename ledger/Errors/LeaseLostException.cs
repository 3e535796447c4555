namespace Infra.Ledger;

/// <summary>
/// The caller's lease is no longer in the ledger: another rollout (or a failover) took it over, or it was released. The caller must
/// stop touching traffic at once.
/// </summary>
public sealed class LeaseLostException(string stack, string token, Lease? current)
    : LedgerException(current is null
        ? $"stack {stack}: this rollout's lease ({token}) is gone: no rollout holds the stack any more"
        : $"stack {stack}: this rollout's lease ({token}) was taken: {current.HolderName} now holds it: {current.Owner}, " +
          $"held until {LedgerTime.Format(current.ExpiresAt)}")
{
    /// <summary>The token the caller held.</summary>
    public string Token { get; } = token;

    /// <summary>Who holds the lease now; null when nobody does.</summary>
    public Lease? Current { get; } = current;
}

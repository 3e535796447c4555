namespace Infra.Ledger;

/// <summary>
/// The caller's lease is no longer in the ledger: another rollout (or a failover) took it over, or it was released. The caller must
/// stop touching traffic at once.
/// </summary>
public sealed class LeaseLostException(string stack, string token, Lease? current)
    : LedgerException(Describe(stack, token, current, "this rollout"))
{
    public string Stack { get; } = stack;

    /// <summary>The token the caller held.</summary>
    public string Token { get; } = token;

    /// <summary>Who holds the lease now; null when nobody does.</summary>
    public Lease? Current { get; } = current;

    /// <summary>
    /// The message worded for the holder that lost the lease, e.g. <c>this drill</c>: the ledger cannot tell a
    /// disaster-recovery command's token from a rollout's, so <see cref="Exception.Message"/> says <c>this rollout</c>.
    /// </summary>
    public string MessageFor(string holder) => Describe(Stack, Token, Current, holder);

    private static string Describe(string stack, string token, Lease? current, string holder) => current is null
        ? $"stack {stack}: {holder}'s lease ({token}) is gone: no runner holds the stack any more"
        : $"stack {stack}: {holder}'s lease ({token}) was taken: {current.HolderName} now holds it: {current.Owner}, " +
          $"held until {LedgerTime.Format(current.ExpiresAt)}";
}

namespace Infra.Ledger;

/// <summary>
/// Another rollout, or a disaster-recovery command, holds the stack's lease (and it has not expired, or it changed
/// since it was read).
/// </summary>
public sealed class LeaseHeldException(string stack, Lease holder)
    : LedgerException($"stack {stack}: {holder.HolderName} holds the lease: {holder.Owner}, " +
        (holder.DrCommand is null ? $"phase {holder.Phase} step {holder.Step}, " : "") +
        $"last heartbeat {LedgerTime.Format(holder.HeartbeatAt)}, held until {LedgerTime.Format(holder.ExpiresAt)}")
{
    /// <summary>The lease as the ledger holds it.</summary>
    public Lease Holder { get; } = holder;
}

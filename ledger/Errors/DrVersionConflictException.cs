namespace Infra.Ledger;

/// <summary>A compare-and-swap of the DR promotion item lost: another failover, fail-back or drill wrote it since it was read.</summary>
public sealed class DrVersionConflictException(string stack, long expectedVersion, long actualVersion)
    : LedgerException($"stack {stack}: the DR promotion changed while this command ran: expected version {expectedVersion}, " +
        $"the ledger holds version {actualVersion}{(actualVersion == 0 ? " (no DR promotion recorded yet)" : "")}; nothing was written: " +
        "another failover, fail-back or drill is running on this stack, let it finish and read the promotion again")
{
    public long ExpectedVersion { get; } = expectedVersion;

    /// <summary>The version the ledger holds; 0 when there is no DR item.</summary>
    public long ActualVersion { get; } = actualVersion;
}

namespace Infra.Ledger;

/// <summary>A compare-and-swap of the release item lost: someone wrote another version since it was read.</summary>
public sealed class ReleaseVersionConflictException(string stack, long expectedVersion, long actualVersion)
    : LedgerException($"stack {stack}: the release changed while this command ran: expected version {expectedVersion}, " +
        $"the ledger holds version {actualVersion}{(actualVersion == 0 ? " (no release yet)" : "")}; nothing was written, read the release again")
{
    public long ExpectedVersion { get; } = expectedVersion;

    /// <summary>The version the ledger holds; 0 when there is no release item.</summary>
    public long ActualVersion { get; } = actualVersion;
}

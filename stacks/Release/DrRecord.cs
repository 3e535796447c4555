namespace Infra.Stacks.Release;

/// <summary>
/// The stack's DR promotion as the ledger's <see cref="LedgerTable.DrItem"/> item holds it: whether the DR region is
/// promoted (its cross-region replica is the writer and the DR services run), from a failover or drill until fail-back.
/// </summary>
/// <param name="Version">1 for the first write, incremented by each write.</param>
/// <param name="UpdatedBy">Who wrote it, e.g. <c>infra-runner on host (pid 42)</c>.</param>
public sealed record DrRecord(long Version, bool Promoted, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    /// <summary>
    /// Whether the DR region is promoted: the <c>dr</c> item says so once any DR command wrote it; before that, a release
    /// document written before the promotion had an item of its own (its applied <c>drPromoted</c>, which those versions
    /// wrote to desired and applied alike), so upgrading keeps a promoted stack promoted.
    /// </summary>
    public static bool IsPromoted(DrRecord? dr, ReleaseRecord? release) => dr?.Promoted ?? release?.Applied.DrPromoted ?? false;
}

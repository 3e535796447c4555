namespace Infra.Stacks.Release;

/// <summary>
/// The stack's DR promotion as the ledger's <see cref="LedgerTable.DrItem"/> item holds it: whether the DR region is
/// promoted (its cross-region replica is the writer and the DR services run), from a failover or drill until fail-back,
/// and whether fail-back is switching back.
/// </summary>
/// <param name="Version">1 for the first write, incremented by each write.</param>
/// <param name="UpdatedBy">Who wrote it, e.g. <c>infra-runner on host (pid 42)</c>.</param>
/// <param name="PromotedResourceId">
/// The DbiResourceId of the DR replica failover recorded just before its promote call, kept until fail-back records not
/// promoted: a standalone DR instance is the one failover promoted only if its resource id is this one (any other is a
/// stale copy an unfinished fail-back left). Null when none is recorded, e.g. by a runner older than this field.
/// </param>
public sealed record DrRecord(long Version, DrPromotion Promotion, DateTimeOffset UpdatedAt, string UpdatedBy, string? PromotedResourceId = null)
{
    /// <summary>Promoted or switching back: either way the DR database is the writer and the primary's services stay fenced.</summary>
    public bool Promoted => Promotion != DrPromotion.NotPromoted;

    /// <summary>
    /// The DR region's role: the <c>dr</c> item says so once any DR command wrote it; before that, a release document
    /// written before the promotion had an item of its own (its applied <c>drPromoted</c>, which those versions wrote to
    /// desired and applied alike), so upgrading keeps a promoted stack promoted. Those versions never switched back.
    /// </summary>
    public static DrPromotion PromotionOf(DrRecord? dr, ReleaseRecord? release) =>
        dr?.Promotion ?? (release?.Applied.DrPromoted == true ? DrPromotion.Promoted : DrPromotion.NotPromoted);
}

namespace Infra.Stacks.Release;

/// <summary>The DR region's role, as the ledger's <see cref="LedgerTable.DrItem"/> item records it.</summary>
public enum DrPromotion
{
    /// <summary>The original topology: the primary region serves and writes, the DR region holds a replica.</summary>
    NotPromoted,

    /// <summary>After a failover or drill: the DR region's database is the writer and its services run.</summary>
    Promoted,

    /// <summary>
    /// Fail-back's switchover, from before it stops the DR services until it has promoted the primary's database again:
    /// still promoted (the DR database is the writer until then), but no region's services may run, so neither
    /// database takes a write while the new primary catches up.
    /// </summary>
    SwitchingBack,
}

namespace Infra.Runner.Dr;

/// <summary>What the release ledger says of the DR region (its <c>dr</c> item), as failover and fail-back read and record it.</summary>
public enum PromotionState
{
    /// <summary>The original topology; the program declares the primary's services and the DR replica.</summary>
    NotPromoted,

    /// <summary>Failed over: the program fences the primary's services and runs the DR region's.</summary>
    Promoted,

    /// <summary>
    /// Fail-back's switchover: still promoted, but the program declares both regions' services stopped, so a
    /// <c>pulumi up</c> between fail-back stopping the DR services and promoting the primary's database starts neither.
    /// </summary>
    SwitchingBack,
}

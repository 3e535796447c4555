namespace Infra.Runner.Rollout;

/// <summary>What another command asks of the rollout in progress.</summary>
public enum RolloutControl
{
    Abort,
    Rollback,

    /// <summary>End the current bake (or termination wait) now.</summary>
    Promote,

    /// <summary>Go straight to 100% and skip every remaining bake.</summary>
    PromoteFull,
}

/// <summary>Where a control request went.</summary>
public enum ControlDelivery
{
    /// <summary>A live runner holds the rollout; it acts on the request at its next poll.</summary>
    ToRunningRunner,

    /// <summary>Stored with the rollout, whose runner stopped (cleanly, or its hold expired): whoever continues it acts on it.</summary>
    Stored,

    /// <summary>No rollout is in progress; nothing was stored.</summary>
    NoRollout,
}

public static class RolloutControls
{
    /// <summary>The spelling used in the ledger, the journal and messages.</summary>
    public static string Name(this RolloutControl control) => control switch
    {
        RolloutControl.Abort => "abort",
        RolloutControl.Rollback => "rollback",
        RolloutControl.Promote => "promote",
        RolloutControl.PromoteFull => "promote-full",
        _ => throw new ArgumentOutOfRangeException(nameof(control), control, "unknown control request"),
    };
}

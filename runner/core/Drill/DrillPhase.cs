namespace Infra.Runner.Drill;

/// <summary>The timed phases of a drill, in the order a promotion or restore drill runs the ones it has.</summary>
public enum DrillPhase
{
    /// <summary>Promotion drill: the replica's ReplicaLag before promotion, for reference.</summary>
    ReplicaLag,

    /// <summary>Marker rows written to the primary once a second for the marker window (the writer goes on after it).</summary>
    Markers,

    /// <summary>Promotion drill: the core failover procedure, forced, until it ends.</summary>
    Promotion,

    /// <summary>Restore drill: the point-in-time restore into a new instance, until it is available.</summary>
    Restore,

    /// <summary>The newest marker read from the promoted or restored database.</summary>
    MarkerRead,

    /// <summary>Promotion drill: the DR load balancer's health path until N answers in a row are 2xx.</summary>
    Health,

    /// <summary>Restore drill: the restored instance deleted, whatever happened before.</summary>
    Cleanup,
}

/// <summary>How a phase ended: still running when the drill stopped (interrupted), passed, or failed.</summary>
public enum PhaseResult
{
    Running,
    Passed,
    Failed,
}

/// <summary>One phase's start and end under the drill's clock.</summary>
public sealed record PhaseTiming(DrillPhase Phase, DateTimeOffset StartedAt, DateTimeOffset? EndedAt = null, PhaseResult Result = PhaseResult.Running)
{
    public TimeSpan? Duration => EndedAt - StartedAt;
}

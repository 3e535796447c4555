namespace Infra.Runner.Drill;

/// <summary>Which drill runs and how it decides the DR region, or the restored instance, is ready.</summary>
/// <param name="HealthSuccesses">2xx answers in a row from the DR URL's health path. Default 3.</param>
/// <param name="HealthTimeout">How long after failover the health check may take. Default 30 minutes.</param>
/// <param name="Restore">A restore drill (a point-in-time restore into a new instance) instead of a promotion. Default false.</param>
public sealed record DrillOptions(int HealthSuccesses = 3, TimeSpan? HealthTimeout = null, bool Restore = false)
{
    public static readonly TimeSpan DefaultHealthTimeout = TimeSpan.FromMinutes(30);

    /// <summary>The replica lag's window, for reference: ReplicaLag over the five minutes before promotion.</summary>
    public static readonly TimeSpan LagWindow = TimeSpan.FromMinutes(5);

    /// <summary>How long markers are written (one a second) before the promotion or restore starts; the writer goes on after it.</summary>
    public static readonly TimeSpan MarkerWindow = TimeSpan.FromMinutes(1);

    /// <summary>
    /// RDS can restore only up to its latest restorable time, which trails by up to five minutes (transaction logs are
    /// archived every five): the restore drill waits this long after the restore time it chose before restoring to it.
    /// </summary>
    public static readonly TimeSpan RestorableDelay = TimeSpan.FromMinutes(5);

    /// <summary>How long a restored instance may take to become available.</summary>
    public static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(90);

    /// <summary>Between looks at the restored instance's status.</summary>
    public static readonly TimeSpan RestorePollInterval = TimeSpan.FromSeconds(30);

    public TimeSpan Timeout => HealthTimeout ?? DefaultHealthTimeout;
}

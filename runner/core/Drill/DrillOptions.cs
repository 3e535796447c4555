namespace Infra.Runner.Drill;

/// <summary>How the drill decides the DR region is healthy.</summary>
/// <param name="HealthSuccesses">2xx answers in a row from the DR URL's health path. Default 3.</param>
/// <param name="HealthTimeout">How long after the update the health check may take. Default 30 minutes.</param>
public sealed record DrillOptions(int HealthSuccesses = 3, TimeSpan? HealthTimeout = null)
{
    public static readonly TimeSpan DefaultHealthTimeout = TimeSpan.FromMinutes(30);

    /// <summary>The RPO window: ReplicaLag over the five minutes before promotion.</summary>
    public static readonly TimeSpan LagWindow = TimeSpan.FromMinutes(5);

    public TimeSpan Timeout => HealthTimeout ?? DefaultHealthTimeout;
}

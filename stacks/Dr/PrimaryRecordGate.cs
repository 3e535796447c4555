namespace Infra.Stacks.Dr;

/// <summary>
/// The calculated Route 53 health check on the PRIMARY failover record, whose only child is the probe of the primary
/// load balancer. Failover moves traffic by raising its threshold rather than by inverting the probe: an inverted probe
/// that FAILS counts as healthy, so in a real regional outage it would send clients back to the dead region.
/// </summary>
public static class PrimaryRecordGate
{
    /// <summary>One healthy child of one: the record is healthy exactly when the probe is.</summary>
    public const int FollowsProbe = 1;

    /// <summary>
    /// More than its one child. Route 53's UpdateHealthCheck HealthThreshold reference: "If you specify a number greater
    /// than the number of child health checks, Route 53 always considers this health check to be unhealthy."
    /// </summary>
    public const int AlwaysUnhealthy = 2;

    /// <summary>The threshold while the DR region is promoted (<paramref name="toDr"/>) or not.</summary>
    public static int HealthThreshold(bool toDr) => toDr ? AlwaysUnhealthy : FollowsProbe;
}

namespace Infra.Runner.Dr;

/// <summary>
/// Route 53 (global): holding the PRIMARY failover record's health check unhealthy makes the failover records answer
/// with the DR region's load balancer whatever the primary's probe says; releasing it lets the probe decide again.
/// </summary>
public interface IDnsSwitch
{
    Task SetPrimaryHeldUnhealthyAsync(string healthCheckId, bool held, CancellationToken cancellationToken);
}

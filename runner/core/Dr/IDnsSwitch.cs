namespace Infra.Runner.Dr;

/// <summary>
/// Route 53 (global): inverting the health check on the primary load balancer makes Route 53 treat the primary as
/// unhealthy, so the failover records answer with the DR region's load balancer; setting it back returns traffic.
/// </summary>
public interface IDnsSwitch
{
    Task SetPrimaryInvertedAsync(string healthCheckId, bool inverted, CancellationToken cancellationToken);
}

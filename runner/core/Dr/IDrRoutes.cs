using Infra.Runner.Rollout;

namespace Infra.Runner.Dr;

/// <summary>A region's load balancer as failover reads it: the weights a service's listener or rule forwards with.</summary>
public interface IDrRoutes
{
    /// <summary>
    /// The blue/green weights of the route's forward action, matched by target group ARN. Throws, naming the listener or
    /// rule, when it does not exist or does not forward to exactly the route's two target groups.
    /// </summary>
    Task<TrafficWeights> ReadWeightsAsync(string region, TrafficRoute route, CancellationToken cancellationToken);
}

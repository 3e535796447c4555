namespace Infra.Runner.Rollout;

/// <summary>
/// Moves a service's production traffic with one load-balancer API call (ModifyListener or ModifyRule), seconds
/// where a targeted update takes tens of them. It changes AWS only: the release ledger and Pulumi's state learn of it
/// from the caller (ledger) and from the reconciling update that follows (state).
/// </summary>
public interface ITrafficSwitch
{
    /// <summary>
    /// Sets <paramref name="route"/>'s forward action to both target groups at <paramref name="weights"/>, exactly as
    /// the program would declare them. Throws when the load balancer refused or could not be reached; the traffic may
    /// then be where it was.
    /// </summary>
    Task SwitchAsync(TrafficRoute route, TrafficWeights weights, CancellationToken cancellationToken);
}

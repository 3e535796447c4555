namespace Infra.Components.Traffic;

/// <summary>
/// Where a service's blue/green weights live, which says which load-balancer call changes them: the listener's
/// default action (ModifyListener) or a listener rule's actions (ModifyRule).
/// </summary>
public enum TrafficRouteKind { Listener, Rule }

/// <summary>The kind as the runner and the release guard read it (<c>trafficRoute.kind</c>, the guard's configuration item).</summary>
public static class TrafficRouteKinds
{
    public static string ToOutputName(this TrafficRouteKind kind) => kind == TrafficRouteKind.Listener ? "listener" : "rule";
}

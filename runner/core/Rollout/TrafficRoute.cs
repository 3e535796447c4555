namespace Infra.Runner.Rollout;

/// <summary>Which load-balancer resource carries a service's weights: the production listener's default action, or a listener rule.</summary>
public enum TrafficRouteKind
{
    Listener,
    Rule,
}

/// <summary>
/// A service's weights carrier as the load balancer's API names it (stack outputs <c>services.&lt;name&gt;.trafficRoute</c>
/// and each color's <c>targetGroupArn</c>): what a direct traffic switch changes, with both target groups listed blue
/// first, as the program declares its forward action.
/// </summary>
public sealed record TrafficRoute(TrafficRouteKind Kind, string Arn, string BlueTargetGroupArn, string GreenTargetGroupArn);

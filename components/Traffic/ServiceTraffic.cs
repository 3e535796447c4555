using Infra.Stacks.Settings;
using Pulumi;
using Pulumi.Aws.LB;

namespace Infra.Components.Traffic;

/// <summary>What the load balancer declared for one service.</summary>
/// <param name="TargetGroups">The service's target group per color.</param>
/// <param name="WeightsCarrier">
/// The resource whose forward action holds the service's blue/green weights: the production listener for the first
/// service, its listener rule otherwise. The runner shifts traffic with a targeted update of exactly this resource.
/// </param>
/// <param name="WeightsCarrierArn">
/// That resource's ARN: the release guard and the runner's direct rollback change its forward action with the
/// load balancer's API (ModifyListener or ModifyRule), seconds before a targeted update would.
/// </param>
/// <param name="TestRoute">The test listener (first service) or test listener rule that sends the idle color 100%.</param>
/// <param name="PreviewRoute">The production listener rule that sends requests with the preview header 100% to the idle color.</param>
/// <param name="PreviewUrl">
/// Where a request with the preview header reaches this service: the production scheme and the service's host, or
/// the load balancer's DNS name for a service without one.
/// </param>
public sealed record ServiceTraffic(
    ColorPair<TargetGroup> TargetGroups,
    CustomResource WeightsCarrier,
    Output<string> WeightsCarrierArn,
    CustomResource TestRoute,
    ListenerRule PreviewRoute,
    Output<string> PreviewUrl)
{
    /// <summary>Which kind of resource <see cref="WeightsCarrier"/> is.</summary>
    public TrafficRouteKind WeightsCarrierKind => WeightsCarrier is Listener ? TrafficRouteKind.Listener : TrafficRouteKind.Rule;
}

using Amazon;
using Amazon.ElasticLoadBalancingV2;
using Amazon.ElasticLoadBalancingV2.Model;
using Infra.Runner.Dr;
using Infra.Runner.Rollout;
using ElbAction = Amazon.ElasticLoadBalancingV2.Model.Action;

namespace Infra.Runner.Adapters.Dr;

/// <summary>
/// The DR load balancer's weights through Elastic Load Balancing v2, one client per region, every call bounded by
/// <paramref name="callLimit"/>: DescribeListeners for a listener's default action, DescribeRules for a rule's actions
/// (the carriers <see cref="ElbTrafficSwitch"/> writes). The forward action must list exactly the route's two target
/// groups, as components/Traffic/ListenerActions declares it; weights are matched by target group ARN, not position.
/// Needs elasticloadbalancing:DescribeListeners / DescribeRules, which take no resource but <c>*</c>.
/// </summary>
public sealed class ElbDrRoutes(Func<string, AmazonElasticLoadBalancingV2Client> clientForRegion, SdkCallLimit callLimit) : IDrRoutes
{
    public static AmazonElasticLoadBalancingV2Client ClientFor(string region) => new(RegionEndpoint.GetBySystemName(region));

    public async Task<TrafficWeights> ReadWeightsAsync(string region, TrafficRoute route, CancellationToken cancellationToken)
    {
        var client = clientForRegion(region);
        var (what, actions) = route.Kind == TrafficRouteKind.Listener
            ? ($"listener {route.Arn}", (await callLimit.RunAsync(t => client.DescribeListenersAsync(new DescribeListenersRequest { ListenerArns = [route.Arn] }, t),
                cancellationToken)).Listeners?.FirstOrDefault(l => l.ListenerArn == route.Arn)?.DefaultActions)
            : ($"listener rule {route.Arn}", (await callLimit.RunAsync(t => client.DescribeRulesAsync(new DescribeRulesRequest { RuleArns = [route.Arn] }, t),
                cancellationToken)).Rules?.FirstOrDefault(r => r.RuleArn == route.Arn)?.Actions);
        var groups = (actions ?? []).Where(IsForward).Select(a => a.ForwardConfig?.TargetGroups ?? []).ToList();
        if (groups is not [var targets] || targets.Count != 2
            || Weight(targets, route.BlueTargetGroupArn) is not { } blue || Weight(targets, route.GreenTargetGroupArn) is not { } green)
        {
            throw new InvalidOperationException(
                $"{what} in {region} does not have one forward action to exactly {route.BlueTargetGroupArn} and {route.GreenTargetGroupArn} with weights " +
                $"(it has {Shown(actions)})");
        }

        return new TrafficWeights(blue, green);
    }

    private static bool IsForward(ElbAction action) => action.Type?.Value == ActionTypeEnum.Forward.Value;

    private static int? Weight(List<TargetGroupTuple> targets, string targetGroupArn) =>
        targets.SingleOrDefault(t => t.TargetGroupArn == targetGroupArn)?.Weight;

    private static string Shown(List<ElbAction>? actions) => actions is null or []
        ? "no actions"
        : string.Join("; ", actions.Select(a => $"{a.Type?.Value ?? "(no type)"}" +
            (a.ForwardConfig?.TargetGroups is { } groups ? $" to {string.Join(", ", groups.Select(g => $"{g.TargetGroupArn} weight {g.Weight?.ToString() ?? "(none)"}"))}" : "")));
}

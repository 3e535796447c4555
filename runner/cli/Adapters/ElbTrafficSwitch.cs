using Amazon.ElasticLoadBalancingV2;
using Amazon.ElasticLoadBalancingV2.Model;
using Infra.Runner.Rollout;
using ElbAction = Amazon.ElasticLoadBalancingV2.Model.Action;

namespace Infra.Runner.Adapters;

/// <summary>
/// A direct traffic switch through Elastic Load Balancing v2: ModifyListener for the production listener's default
/// action, ModifyRule for a service's listener rule. The one forward action lists both target groups, blue first,
/// with the weights and no stickiness config, exactly as components/Traffic/ListenerActions declares it, so the
/// reconciling update finds nothing to change. Needs elasticloadbalancing:ModifyListener / ModifyRule on the stack's
/// listener and rules.
/// </summary>
public sealed class ElbTrafficSwitch(AmazonElasticLoadBalancingV2Client client) : ITrafficSwitch
{
    public async Task SwitchAsync(TrafficRoute route, TrafficWeights weights, CancellationToken cancellationToken)
    {
        List<ElbAction> actions = [Forward(route, weights)];
        if (route.Kind == TrafficRouteKind.Listener)
        {
            await client.ModifyListenerAsync(new ModifyListenerRequest { ListenerArn = route.Arn, DefaultActions = actions }, cancellationToken);
        }
        else
        {
            await client.ModifyRuleAsync(new ModifyRuleRequest { RuleArn = route.Arn, Actions = actions }, cancellationToken);
        }
    }

    private static ElbAction Forward(TrafficRoute route, TrafficWeights weights) => new()
    {
        Type = ActionTypeEnum.Forward,
        ForwardConfig = new ForwardActionConfig
        {
            TargetGroups =
            [
                new TargetGroupTuple { TargetGroupArn = route.BlueTargetGroupArn, Weight = weights.Blue },
                new TargetGroupTuple { TargetGroupArn = route.GreenTargetGroupArn, Weight = weights.Green },
            ],
        },
    };
}

// Puts a service's traffic back on one color with one load balancer call, declaring the forward action exactly as the
// program does (components/Traffic/ListenerActions.cs, WeightedTargets.ForLiveTraffic): both target groups, blue
// first, weight 100 on the live color and 0 on the other, no stickiness; so the next update finds no difference.
import { ModifyListenerCommand, ModifyRuleCommand } from '@aws-sdk/client-elastic-load-balancing-v2';

/**
 * @param {import('@aws-sdk/client-elastic-load-balancing-v2').ElasticLoadBalancingV2Client} elbv2
 * @param {{ kind: 'listener'|'rule', arn: string, targetGroups: { blue: string, green: string } }} route
 * @param {'blue'|'green'} liveColor
 */
export async function sendTrafficTo(elbv2, route, liveColor) {
  const forward = [{
    Type: 'forward',
    ForwardConfig: {
      TargetGroups: ['blue', 'green'].map((color) => ({ TargetGroupArn: route.targetGroups[color], Weight: color === liveColor ? 100 : 0 })),
    },
  }];
  await elbv2.send(route.kind === 'listener'
    ? new ModifyListenerCommand({ ListenerArn: route.arn, DefaultActions: forward })
    : new ModifyRuleCommand({ RuleArn: route.arn, Actions: forward }));
}

// The Elastic Load Balancing v2 stand-in: ModifyListener and ModifyRule on the listeners, rules and target groups it
// was given, refused with ELB's own error codes for anything else (ListenerNotFound, RuleNotFound,
// TargetGroupNotFound, a forward action whose weights are out of range). Each request is also read back as
// { action, arn, actions: [{ type, targetGroups: [{ arn, weight }] }] } for the assertions.
import { QueryError, startQueryServer, xmlText } from './query-server.mjs';

/**
 * @param {{ listeners?: string[], rules?: string[], targetGroups: string[] }} known
 */
export async function startElbv2({ listeners = [], rules = [], targetGroups }) {
  const server = await startQueryServer({
    xmlns: 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/',
    version: '2015-12-01',
    actions: {
      ModifyListener(params) {
        if (!listeners.includes(params.ListenerArn)) throw new QueryError(400, 'ListenerNotFound', 'One or more listeners not found');
        const actions = readActions(params, 'DefaultActions');
        return `<Listeners><member><ListenerArn>${xmlText(params.ListenerArn)}</ListenerArn>` +
          `<DefaultActions>${actions.map(actionXml).join('')}</DefaultActions></member></Listeners>`;
      },
      ModifyRule(params) {
        if (!rules.includes(params.RuleArn)) throw new QueryError(400, 'RuleNotFound', 'One or more rules not found');
        const actions = readActions(params, 'Actions');
        return `<Rules><member><RuleArn>${xmlText(params.RuleArn)}</RuleArn>` +
          `<Actions>${actions.map(actionXml).join('')}</Actions><IsDefault>false</IsDefault></member></Rules>`;
      },
    },
  });

  function readActions(params, prefix) {
    const actions = forwardActions(params, prefix);
    if (actions.length === 0) throw new QueryError(400, 'ValidationError', `${prefix} must not be empty`);
    for (const { targetGroups: groups } of actions) {
      for (const group of groups) {
        if (!targetGroups.includes(group.arn)) throw new QueryError(400, 'TargetGroupNotFound', `Target groups '${group.arn}' not found`);
        if (!Number.isInteger(group.weight) || group.weight < 0 || group.weight > 999) {
          throw new QueryError(400, 'ValidationError', `Weight ${group.weight} must be between 0 and 999`);
        }
      }
    }
    return actions;
  }

  return {
    ...server,
    /** The requests it received, read back: what the guard asked the load balancer to do. */
    calls: () => server.requests.map(({ action, params }) => ({
      action,
      arn: params.ListenerArn ?? params.RuleArn,
      actions: forwardActions(params, action === 'ModifyListener' ? 'DefaultActions' : 'Actions'),
    })),
  };
}

function forwardActions(params, prefix) {
  return members(params, prefix).map((action) => ({
    type: params[`${action}.Type`],
    targetGroups: members(params, `${action}.ForwardConfig.TargetGroups`).map((group) => ({
      arn: params[`${group}.TargetGroupArn`],
      weight: Number(params[`${group}.Weight`]),
    })),
  }));
}

// The Query protocol's list members: `<prefix>.member.1`, `.member.2`, ... for as long as any parameter has that prefix.
function members(params, prefix) {
  const found = [];
  for (let index = 1; Object.keys(params).some((key) => key.startsWith(`${prefix}.member.${index}.`)); index++) {
    found.push(`${prefix}.member.${index}`);
  }
  return found;
}

function actionXml({ type, targetGroups }) {
  const groups = targetGroups.map(({ arn, weight }) => `<member><TargetGroupArn>${xmlText(arn)}</TargetGroupArn><Weight>${weight}</Weight></member>`);
  return `<member><Type>${type}</Type><ForwardConfig><TargetGroups>${groups.join('')}</TargetGroups></ForwardConfig></member>`;
}

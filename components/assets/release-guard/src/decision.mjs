// Whether the guard acts, from what triggered it and the lease it read; pure, so every rule is tested on its own.
// It acts only on a rollout in progress whose traffic may be split or newly moved: on a critical alarm of a service
// that rollout moves, or a gate alarm of such a service's new color, while it shifts or waits to terminate the old
// color; and on the schedule once the runner is gone (its lease expired) while traffic may be split, including a
// rollback it did not finish. Never while a disaster-recovery command holds the lease.
import { formatEpochSeconds, staleClaimBefore } from './ledger-time.mjs';

const ALARM_PHASES = ['Shifting', 'TerminationWait'];
// Not TerminationWait: the new color already takes all the traffic, and a runner that died there leaves a healthy
// release, not a split one (an alarm in that phase still moves it back).
const EXPIRED_LEASE_PHASES = ['Shifting', 'RollingBack'];

/**
 * @param {{ kind: 'alarm', id: string, alarmName: string, state: string } | { kind: 'schedule', id: string }} trigger
 * @param {ReturnType<typeof import('./lease.mjs').readLeaseItem> | undefined} lease
 * @param {ReturnType<typeof import('./config.mjs').parseGuardConfig>} config
 * @param {Date} now
 * @returns {{ act: false, why: string } | { act: true, reason: string }}
 */
export function decide(trigger, lease, config, now) {
  const ignored = ignoredAlarm(trigger, config);
  if (ignored) return { act: false, why: ignored };
  if (!lease) return { act: false, why: `no rollout in progress on stack ${config.stack}` };
  // Failover, a drill or a fail-back moves DNS and regions, not a release's weights: nothing of theirs to move back.
  if (lease.drCommand !== undefined) {
    return { act: false, why: `${lease.drCommand} ${lease.rolloutId} holds stack ${config.stack}, not a rollout: no release traffic to move back` };
  }

  const earlier = earlierFlip(trigger, lease, now);
  if (earlier) return { act: false, why: earlier };

  if (trigger.kind === 'alarm') {
    // A gate alarm of the color the rollout moves away from (the live one) never moves traffic onto that color.
    const watchers = config.alarms[trigger.alarmName];
    const concerns = ({ service, color }) => lease.services.some((moved) => moved.name === service && color !== moved.fromColor);
    if (!watchers.some(concerns)) {
      const whose = watchers.map(({ service, color }) => (color ? `${service} (${color})` : service)).join(', ');
      return { act: false, why: `alarm ${trigger.alarmName} is of ${whose}, not of a new color or service rollout ${lease.rolloutId} moves` };
    }
    if (!ALARM_PHASES.includes(lease.phase)) {
      return { act: false, why: `rollout ${lease.rolloutId} is in phase ${lease.phase}; an alarm moves traffic back only in ${ALARM_PHASES.join(' or ')}` };
    }
    return { act: true, reason: `alarm ${trigger.alarmName}` };
  }

  const expiresAt = formatEpochSeconds(lease.expiresAt);
  if (Math.floor(now.getTime() / 1000) < lease.expiresAt) {
    return { act: false, why: `rollout ${lease.rolloutId} is held by its runner until ${expiresAt}` };
  }
  if (!EXPIRED_LEASE_PHASES.includes(lease.phase)) {
    return { act: false, why: `rollout ${lease.rolloutId}'s lease expired at ${expiresAt} in phase ${lease.phase}, where no traffic is split` };
  }
  return { act: true, reason: `lease expired at ${expiresAt}` };
}

/**
 * Why an alarm event needs no look at the ledger at all (a recovery, an alarm the guard does not watch); undefined for
 * the schedule and for a watched alarm going to ALARM.
 */
export function ignoredAlarm(trigger, config) {
  if (trigger.kind !== 'alarm') return undefined;
  if (trigger.state !== 'ALARM') return `alarm ${trigger.alarmName} went to ${trigger.state}, not ALARM`;
  if (!Object.hasOwn(config.alarms, trigger.alarmName)) return `alarm ${trigger.alarmName} is not one the guard watches`;
  return undefined;
}

// Another event already moved (or is moving) this rollout's traffic back: nothing to add. A failed flip may be
// claimed again, and so may this event's own unfinished one (Lambda retrying it) and one whose invocation died (stale).
function earlierFlip(trigger, lease, now) {
  if (lease.guardState === 'flipped') return `the release guard already moved rollout ${lease.rolloutId}'s traffic back (event ${lease.guardId})`;
  const stale = lease.guardAt !== undefined && lease.guardAt < staleClaimBefore(now);
  if (lease.guardState === 'flipping' && lease.guardId !== trigger.id && !stale) {
    return `event ${lease.guardId} is moving rollout ${lease.rolloutId}'s traffic back`;
  }
  return undefined;
}

// Whether the guard acts, from what triggered it and the lease it read; pure, so every rule is tested on its own.
// It acts only on a rollout in progress whose traffic may be split: on a gate or critical alarm of a service that
// rollout moves while it shifts or waits to terminate the old color, and on the schedule once the runner is gone
// (its lease expired) while traffic may be split, including a rollback it did not finish.
import { formatEpochSeconds } from './ledger-time.mjs';

const ALARM_PHASES = ['Shifting', 'TerminationWait'];
const EXPIRED_LEASE_PHASES = ['Shifting', 'TerminationWait', 'RollingBack'];

/**
 * @param {{ kind: 'alarm', id: string, alarmName: string, state: string } | { kind: 'schedule', id: string }} trigger
 * @param {ReturnType<typeof import('./lease.mjs').readLeaseItem> | undefined} lease
 * @param {ReturnType<typeof import('./config.mjs').parseGuardConfig>} config
 * @param {Date} now
 * @returns {{ act: false, why: string } | { act: true, reason: string }}
 */
export function decide(trigger, lease, config, now) {
  if (trigger.kind === 'alarm') {
    if (trigger.state !== 'ALARM') return { act: false, why: `alarm ${trigger.alarmName} went to ${trigger.state}, not ALARM` };
    if (!Object.hasOwn(config.alarms, trigger.alarmName)) return { act: false, why: `alarm ${trigger.alarmName} is not one the guard watches` };
  }
  if (!lease) return { act: false, why: `no rollout in progress on stack ${config.stack}` };

  const earlier = earlierFlip(trigger, lease);
  if (earlier) return { act: false, why: earlier };

  if (trigger.kind === 'alarm') {
    const watchers = config.alarms[trigger.alarmName];
    if (!lease.services.some((moved) => watchers.includes(moved.name))) {
      return { act: false, why: `alarm ${trigger.alarmName} is of service ${watchers.join(', ')}, which rollout ${lease.rolloutId} does not move` };
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

// Another event already moved (or is moving) this rollout's traffic back: nothing to add. A failed flip may be
// claimed again, and so may this event's own unfinished one (Lambda retrying it).
function earlierFlip(trigger, lease) {
  if (lease.guardState === 'flipped') return `the release guard already moved rollout ${lease.rolloutId}'s traffic back (event ${lease.guardId})`;
  if (lease.guardState === 'flipping' && lease.guardId !== trigger.id) {
    return `event ${lease.guardId} is moving rollout ${lease.rolloutId}'s traffic back`;
  }
  return undefined;
}

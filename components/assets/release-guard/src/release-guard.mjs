// The handler logic, with its collaborators passed in: guard.mjs wires the Lambda runtime's SDK clients, the tests
// point the same clients at local servers. One invocation: read the configuration and the lease, decide, claim the
// flip, move every service of the rollout back to its live color, record that (lease, release, journal) and page.
import { decide, ignoredAlarm } from './decision.mjs';
import { createLedger } from './ledger.mjs';
import { page } from './page.mjs';
import { rolledBackState } from './release-state.mjs';
import { sendTrafficTo } from './traffic.mjs';
import { readTrigger } from './trigger.mjs';

/** Re-reads and retries of a release write that lost its compare-and-swap, before it is left to the runner. */
export const RELEASE_RETRIES = 3;

/**
 * @param {object} dependencies
 * @param {Record<string, string|undefined>} dependencies.env  GUARD_STACK and GUARD_LEDGER_TABLE: where the
 *   configuration item (contract B in the README) is.
 * @param {import('@aws-sdk/client-dynamodb').DynamoDBClient} dependencies.dynamodb
 * @param {import('@aws-sdk/client-elastic-load-balancing-v2').ElasticLoadBalancingV2Client} dependencies.elbv2
 * @param {import('@aws-sdk/client-sns').SNSClient} dependencies.sns
 * @param {() => Date} [dependencies.now]  Default: the system clock.
 * @param {(level: string, message: string, fields?: object) => void} [dependencies.log]  Default: JSON lines on the console.
 * @returns {(event: object) => Promise<{ action: string, why?: string }>} the Lambda handler.
 */
export function createGuard({ env, dynamodb, elbv2, sns, now = () => new Date(), log = logJsonLine }) {
  return async function handler(event) {
    const ledger = createLedger({ dynamodb, table: variable(env, 'GUARD_LEDGER_TABLE'), stack: variable(env, 'GUARD_STACK') });
    const trigger = readTrigger(event);
    // Read at each invocation, never cached: a warm container must not flip a route a later pulumi up replaced.
    const config = await ledger.readGuardConfig();
    const lease = ignoredAlarm(trigger, config) ? undefined : await ledger.readLease();
    const decision = decide(trigger, lease, config, now());
    const about = { event: trigger.id, trigger: trigger.kind === 'alarm' ? `alarm ${trigger.alarmName} ${trigger.state}` : 'schedule', rollout: lease?.rolloutId };
    if (!decision.act) {
      log('info', 'release guard: nothing to do', { ...about, why: decision.why });
      return { action: 'none', why: decision.why };
    }

    const { reason } = decision;
    if (!await ledger.claim({ token: lease.token, guardId: trigger.id, reason, at: now() })) {
      const why = 'the lease changed since it was read, or another invocation owns the flip';
      log('info', 'release guard: not claimed', { ...about, reason, why });
      return { action: 'none', why };
    }
    log('info', 'release guard: moving traffic back', { ...about, reason, services: lease.services });

    const outcome = { stack: config.stack, rolloutId: lease.rolloutId, reason, services: lease.services };
    const failure = await flip(config, lease.services);
    if (failure) return fail({ ledger, config, trigger, outcome, failure, about });

    if (!await ledger.markFlipped({ guardId: trigger.id, reason, at: now() })) {
      log('warn', 'release guard: the lease changed during the flip, so no rollback was requested on it', about);
    }
    const release = await recordRelease(ledger, lease.services, `release-guard (${reason})`);
    await ledger.appendEvent({ kind: 'GuardRolledBack', data: journalData(trigger, outcome, { release }), at: now() });
    log('info', 'release guard: traffic moved back', { ...about, reason, release });
    await pageOrLog(config, { ...outcome, release }, about);
    return { action: 'rolled-back' };
  };

  // Every service is attempted, so one failing route leaves as little traffic split as possible; the errors, if any, in one line.
  async function flip(config, services) {
    const errors = [];
    for (const { name, fromColor } of services) {
      const route = config.services[name];
      try {
        if (!route) throw new Error(`service ${name} is not in the guard's configuration`);
        await sendTrafficTo(elbv2, route, fromColor);
      } catch (error) {
        errors.push(`${name}: ${error.name ?? 'Error'}: ${error.message}`);
      }
    }
    return errors.length > 0 ? errors.join('; ') : undefined;
  }

  // The failed flip is recorded where the runner and the next invocation see it, paged, then thrown: Lambda retries
  // the event and, when it keeps failing, hands it to the dead-letter queue.
  async function fail({ ledger, config, trigger, outcome, failure, about }) {
    log('error', 'release guard: moving traffic back failed', { ...about, reason: outcome.reason, failure });
    await ledger.markFailed({ guardId: trigger.id, detail: failure });
    await ledger.appendEvent({ kind: 'GuardFailed', data: journalData(trigger, outcome, { detail: failure }), at: now() });
    await pageOrLog(config, { ...outcome, failure }, about);
    throw new Error(`release guard could not move stack ${outcome.stack}'s traffic back (${outcome.reason}): ${failure}`);
  }

  // Compare-and-swap of the release with each service back on its live color, in desired and applied; a lost write is
  // re-read and retried, then left to the runner, which adopts the flip and reconciles. Says what became of it.
  async function recordRelease(ledger, services, updatedBy) {
    for (let attempt = 0; attempt <= RELEASE_RETRIES; attempt++) {
      const release = await ledger.readRelease();
      if (!release) return 'no release item, left to the runner';
      let desired, applied;
      try {
        desired = rolledBackState(release.desired, services);
        applied = rolledBackState(release.applied, services);
      } catch (error) {
        return `left to the runner: version ${release.version} could not be changed (${error.message})`;
      }
      if (!desired.changed && !applied.changed) return `version ${release.version} already has every service on its live color`;
      if (await ledger.writeRelease({ version: release.version, desired: desired.json, applied: applied.json, updatedBy, at: now() })) {
        return `written as version ${release.version + 1}`;
      }
    }
    return `left to the runner: the release kept changing (${RELEASE_RETRIES + 1} compare-and-swap writes lost)`;
  }

  // The page is the last step: when SNS refuses it, the ledger already holds everything, so the log says so and the
  // invocation's own outcome stands.
  async function pageOrLog(config, outcome, about) {
    try {
      await page(sns, config.criticalTopicArn, outcome);
    } catch (error) {
      log('error', 'release guard: paging the critical topic failed', { ...about, error: `${error.name}: ${error.message}` });
    }
  }
}

// Read at each invocation like the configuration, so a function without them fails every event, before any AWS call.
function variable(env, name) {
  const value = env[name];
  if (value === undefined || value.trim() === '') {
    throw new Error(`the function's environment has no ${name}; the stack sets GUARD_STACK and GUARD_LEDGER_TABLE (pulumi up)`);
  }
  return value;
}

function journalData(trigger, { rolloutId, reason, services }, extra) {
  return {
    guardId: trigger.id,
    rolloutId,
    reason,
    services: services.map(({ name }) => name),
    colors: Object.fromEntries(services.map(({ name, fromColor }) => [name, fromColor])),
    ...extra,
  };
}

function logJsonLine(level, message, fields = {}) {
  const line = JSON.stringify({ level, message, ...fields });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}

// One test's world: a stack mid-rollout in the ledger on dynalite, its load balancer and critical topic as loopback
// stand-ins, and the guard built from real SDK clients pointed at them, with a fixed clock and a recording log.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { SNSClient } from '@aws-sdk/client-sns';
import { createGuard } from '../src/release-guard.mjs';
import { AWS } from './aws.mjs';
import { startDynalite } from './dynalite.mjs';
import { startElbv2 } from './elbv2-server.mjs';
import { plain } from './events.mjs';
import { rolloutRecord, runnerLedger, serviceRelease } from './runner-ledger.mjs';
import { startSns } from './sns-server.mjs';

export const NOW = new Date('2026-11-30T12:00:00.123Z');
/** NOW in the ledger's format. */
export const AT = '2026-11-30T12:00:00.1230000Z';
export const TABLE = 'infra-guarded-releases';
const ELB = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012';
const LISTENER = `${ELB}:listener/app/prod-alb/50dc6c495c0c9188/f2f7dc8efc522ab2`;

export const ARNS = {
  webListener: LISTENER,
  apiRule: `${ELB}:listener-rule/app/prod-alb/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee`,
  workerRule: `${ELB}:listener-rule/app/prod-alb/50dc6c495c0c9188/f2f7dc8efc522ab2/1b2c3d4e5f6a7b8c`,
  targetGroup: (service, color) => `${ELB}:targetgroup/prod-${service}-${color}/${color === 'blue' ? '73e2d6bc24d8a067' : '2453ed029918f21f'}`,
  topic: 'arn:aws:sns:eu-west-1:123456789012:prod-alerts-critical',
};

export const IMAGES = {
  web: { blue: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.0', green: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.5.0' },
  api: { blue: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:2.1.0', green: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:2.0.3' },
  worker: { blue: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/worker:0.9.1' },
};

/** How the runner names itself as a writer (LeaseOwner's text). */
export const RUNNER = 'ci-runner-7 (pid 4242)';

let stacks = 0;

/** The guard's configuration as the stack writes it (contract B) for `stack`. */
export function guardConfig(stack, { webListener = ARNS.webListener } = {}) {
  const route = (kind, arn, service) => ({ kind, arn, targetGroups: { blue: ARNS.targetGroup(service, 'blue'), green: ARNS.targetGroup(service, 'green') } });
  return {
    stack,
    ledgerTable: TABLE,
    criticalTopicArn: ARNS.topic,
    services: { web: route('listener', webListener, 'web'), api: route('rule', ARNS.apiRule, 'api'), worker: route('rule', ARNS.workerRule, 'worker') },
    alarms: {
      [`${stack}-web-green-5xx`]: [{ service: 'web', color: 'green' }],
      [`${stack}-web-blue-5xx`]: [{ service: 'web', color: 'blue' }],
      [`${stack}-web-error-rate`]: [{ service: 'web' }],
      [`${stack}-api-blue-5xx`]: [{ service: 'api', color: 'blue' }],
      [`${stack}-worker-error-rate`]: [{ service: 'worker' }],
      [`${stack}-db-connection-errors`]: [{ service: 'web' }, { service: 'api' }, { service: 'worker' }],
    },
  };
}

/** Puts the configuration item as the stack's TableItem writes it (components/Release/GuardConfigItem.cs). */
export function writeGuardConfig(dynamodb, stack, config) {
  return dynamodb.send(new PutItemCommand({
    TableName: TABLE,
    Item: { pk: { S: stack }, sk: { S: 'guard-config' }, config: { S: JSON.stringify(config) } },
  }));
}

/** The function's environment as the stack sets it. */
export const guardEnvironment = (stack) => ({ GUARD_STACK: stack, GUARD_LEDGER_TABLE: TABLE });

/** The release before the guard: web blue→green and api green→blue at 50/50, worker untouched. */
export const RELEASE_BEFORE = {
  services: {
    api: serviceRelease('green', 50, IMAGES.api),
    web: serviceRelease('blue', 50, IMAGES.web),
    worker: serviceRelease('blue', 100, IMAGES.worker),
  },
};

/**
 * @param {import('node:test').TestContext} t
 * @param {Awaited<ReturnType<typeof import('./dynalite.mjs').startDynalite>>} dynalite  the suite's server, its table created.
 * @param {object} [options]
 * @param {object|false} [options.lease]  overrides of the seeded lease (phase, heartbeatAt, ...); false: no rollout.
 * @param {boolean} [options.listenerExists]  whether the load balancer knows web's listener at first (default true);
 *   `knownListeners` is its live list.
 */
export async function startWorld(t, dynalite, { lease = {}, listenerExists = true } = {}) {
  const stack = `prod${++stacks}`;
  const knownListeners = listenerExists ? [ARNS.webListener] : [];
  const elbv2 = await startElbv2({
    listeners: knownListeners,
    rules: [ARNS.apiRule, ARNS.workerRule],
    targetGroups: ['web', 'api', 'worker'].flatMap((service) => [ARNS.targetGroup(service, 'blue'), ARNS.targetGroup(service, 'green')]),
  });
  const sns = await startSns([ARNS.topic]);
  t.after(() => Promise.all([elbv2.close(), sns.close()]));

  const ledger = runnerLedger(dynalite.client(), TABLE, stack);
  await ledger.writeRelease({ expectedVersion: 0, desired: RELEASE_BEFORE, applied: RELEASE_BEFORE, updatedBy: RUNNER, at: new Date(NOW.getTime() - 60_000) });
  if (lease !== false) {
    const rollout = { id: 'r-20261130-1150', phase: 'Shifting', stepIndex: 1, startedAt: '2026-11-30T11:50:00+00:00', ...lease };
    await ledger.acquireLease({
      token: '5f0e6d1c2b3a49588776655443322110',
      rolloutId: rollout.id,
      phase: rollout.phase,
      step: rollout.stepIndex,
      services: ['web', 'api'],
      record: rolloutRecord({
        ...rollout,
        services: [{ name: 'web', fromColor: 'blue', image: IMAGES.web.green }, { name: 'api', fromColor: 'green', image: IMAGES.api.blue }],
      }),
      heartbeatAt: rollout.heartbeatAt ?? new Date(NOW.getTime() - 10_000),
      ttlSeconds: 120,
    });
  }

  const logs = [];
  const clock = { now: NOW }; // a test moves it on
  const clients = {
    dynamodb: new DynamoDBClient({ ...AWS, endpoint: dynalite.endpoint }),
    elbv2: new ElasticLoadBalancingV2Client({ ...AWS, endpoint: elbv2.endpoint }),
    sns: new SNSClient({ ...AWS, endpoint: sns.endpoint }),
  };
  // One guard per world, as one function per stack: each invocation reads the configuration item afresh.
  const guard = createGuard({
    env: guardEnvironment(stack),
    ...clients,
    now: () => clock.now,
    log: (level, message, fields) => logs.push({ level, message, ...fields }),
  });
  const configure = (config) => writeGuardConfig(clients.dynamodb, stack, config);
  await configure(guardConfig(stack));
  return { stack, ledger, elbv2, knownListeners, sns, logs, clock, clients, guard, configure };
}

/** Starts the suite's dynalite with the ledger table before its tests and stops it after; `server` once started. */
export function ledgerServer() {
  const suite = {};
  before(async () => {
    suite.server = await startDynalite();
    await suite.server.createLedgerTable(TABLE);
  });
  after(() => suite.server?.stop());
  return suite;
}

const forward = (service, liveColor) => [{
  type: 'forward',
  targetGroups: [
    { arn: ARNS.targetGroup(service, 'blue'), weight: liveColor === 'blue' ? 100 : 0 },
    { arn: ARNS.targetGroup(service, 'green'), weight: liveColor === 'green' ? 100 : 0 },
  ],
}];

/** The guard's calls to the load balancer: web (a listener) back to blue, api (a rule) back to green. */
export const FLIP = [
  { action: 'ModifyListener', arn: ARNS.webListener, actions: forward('web', 'blue') },
  { action: 'ModifyRule', arn: ARNS.apiRule, actions: forward('api', 'green') },
];

/** RELEASE_BEFORE with web and api back on the colors they were live on, worker as it was. */
export const RELEASE_AFTER = {
  services: {
    api: serviceRelease('green', 0, IMAGES.api),
    web: serviceRelease('blue', 100, IMAGES.web),
    worker: RELEASE_BEFORE.services.worker,
  },
};

/** The world's ledger, load balancer and topic as the assertions compare them. */
export async function observe(world) {
  return {
    lease: plain(await world.ledger.lease()),
    release: plain(await world.ledger.release()),
    events: (await world.ledger.events()).map(plain),
    elb: world.elbv2.calls(),
    pages: world.sns.pages(),
  };
}

/** Nothing written, called or paged since `before` was observed. */
export async function assertUntouched(world, before) {
  assert.deepEqual(await observe(world), { ...before, elb: [], pages: [], events: [] });
}

/** The runner's lease with the guard's marks of a done flip and the rollback it requests, nothing else changed. */
export function assertFlippedLease(lease, before, guardId, reason) {
  assert.match(lease.controlId, /^[0-9a-f]{32}$/);
  assert.deepEqual(lease, {
    ...before,
    guardId,
    guardReason: reason,
    guardAt: AT,
    guardState: 'flipped',
    controlId: lease.controlId,
    controlAction: 'rollback',
    controlBy: `release-guard (${reason})`,
    controlAt: AT,
  });
}

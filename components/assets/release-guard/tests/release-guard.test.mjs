import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alarmEvent, plain, scheduleEvent } from './events.mjs';
import { serviceRelease } from './runner-ledger.mjs';
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { formatLedgerTime } from '../src/ledger-time.mjs';
import { ARNS, AT, FLIP, IMAGES, NOW, RELEASE_AFTER, RELEASE_BEFORE, RUNNER, TABLE, assertFlippedLease, assertUntouched, guardConfig, ledgerServer, observe, startWorld } from './world.mjs';

const dynalite = ledgerServer();

test('an ALARM of a service the rollout moves flips every service back with one exact call each, then records, requests the rollback and pages', async (t) => {
  const world = await startWorld(t, dynalite.server);
  const before = await observe(world);

  const result = await world.guard(alarmEvent('evt-alarm-1', `${world.stack}-web-green-5xx`));

  assert.deepEqual(result, { action: 'rolled-back' });
  const after = await observe(world);
  assert.deepEqual(after.elb, FLIP);
  // Exactly these parameters: one forward action, both target groups, no stickiness.
  assert.deepEqual(world.elbv2.requests[0].params, {
    ListenerArn: ARNS.webListener,
    'DefaultActions.member.1.Type': 'forward',
    'DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn': ARNS.targetGroup('web', 'blue'),
    'DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.Weight': '100',
    'DefaultActions.member.1.ForwardConfig.TargetGroups.member.2.TargetGroupArn': ARNS.targetGroup('web', 'green'),
    'DefaultActions.member.1.ForwardConfig.TargetGroups.member.2.Weight': '0',
  });
  assert.deepEqual(Object.keys(world.elbv2.requests[1].params), [
    'RuleArn',
    'Actions.member.1.Type',
    'Actions.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn',
    'Actions.member.1.ForwardConfig.TargetGroups.member.1.Weight',
    'Actions.member.1.ForwardConfig.TargetGroups.member.2.TargetGroupArn',
    'Actions.member.1.ForwardConfig.TargetGroups.member.2.Weight',
  ]);

  const reason = `alarm ${world.stack}-web-green-5xx`;
  assertFlippedLease(after.lease, before.lease, 'evt-alarm-1', reason);

  assert.deepEqual(JSON.parse(after.release.desired), RELEASE_AFTER);
  assert.deepEqual(JSON.parse(after.release.applied), RELEASE_AFTER);
  assert.equal(after.release.desired, JSON.stringify(RELEASE_AFTER), 'keys keep the order ReleaseStateJson writes');
  assert.deepEqual({ ...after.release, desired: undefined, applied: undefined }, {
    pk: world.stack, sk: 'release', version: 2, updatedAt: AT, updatedBy: `release-guard (${reason})`, desired: undefined, applied: undefined,
  });

  assert.equal(after.events.length, 1);
  assert.match(after.events[0].sk, new RegExp(`^event#${AT.replaceAll('.', '\\.')}#[0-9a-f]{8}$`));
  assert.deepEqual({ ...after.events[0], sk: undefined, data: JSON.parse(after.events[0].data) }, {
    pk: world.stack,
    sk: undefined,
    at: AT,
    kind: 'GuardRolledBack',
    data: {
      guardId: 'evt-alarm-1',
      rolloutId: 'r-20261130-1150',
      reason,
      services: ['web', 'api'],
      colors: { web: 'blue', api: 'green' },
      release: 'written as version 2',
    },
  });

  assert.deepEqual(after.pages, [{
    topicArn: ARNS.topic,
    subject: `Release guard rolled back ${world.stack}`,
    message: [
      `The release guard moved stack ${world.stack}'s traffic back to the live colors (${reason}).`,
      'Rollout r-20261130-1150: web -> blue, api -> green.',
      'Release ledger: written as version 2.',
      `A rollback is requested on the lease: a runner holding the rollout finishes it at its next poll; if none does, run \`rollback --stack ${world.stack}\`.`,
    ].join('\n'),
  }]);
  assert.deepEqual(world.logs.map(({ level, message }) => `${level} ${message}`), [
    'info release guard: moving traffic back',
    'info release guard: traffic moved back',
  ]);
});

test('without a rollout in progress neither an alarm nor the schedule does anything', async (t) => {
  const world = await startWorld(t, dynalite.server, { lease: false });
  const before = await observe(world);

  assert.deepEqual(await world.guard(alarmEvent('evt-1', `${world.stack}-web-green-5xx`)),
    { action: 'none', why: `no rollout in progress on stack ${world.stack}` });
  assert.deepEqual(await world.guard(scheduleEvent('evt-2')), { action: 'none', why: `no rollout in progress on stack ${world.stack}` });

  await assertUntouched(world, before);
  assert.equal(before.lease, undefined);
  assert.deepEqual(world.logs, [
    { level: 'info', message: 'release guard: nothing to do', event: 'evt-1', trigger: `alarm ${world.stack}-web-green-5xx ALARM`, rollout: undefined, why: `no rollout in progress on stack ${world.stack}` },
    { level: 'info', message: 'release guard: nothing to do', event: 'evt-2', trigger: 'schedule', rollout: undefined, why: `no rollout in progress on stack ${world.stack}` },
  ]);
});

test('an alarm of a service the rollout does not move, a gate of the live color, an alarm it does not watch, a recovery, or an alarm before traffic moved does nothing', async (t) => {
  const world = await startWorld(t, dynalite.server);
  const before = await observe(world);
  assert.deepEqual(await world.guard(alarmEvent('evt-1', `${world.stack}-worker-error-rate`)), {
    action: 'none', why: `alarm ${world.stack}-worker-error-rate is of worker, not of a new color or service rollout r-20261130-1150 moves`,
  });
  // The live color's own gate: moving all the traffic onto it would be the wrong way.
  assert.deepEqual(await world.guard(alarmEvent('evt-5', `${world.stack}-web-blue-5xx`)), {
    action: 'none', why: `alarm ${world.stack}-web-blue-5xx is of web (blue), not of a new color or service rollout r-20261130-1150 moves`,
  });
  assert.deepEqual(await world.guard(alarmEvent('evt-2', 'someone-elses-alarm')), { action: 'none', why: 'alarm someone-elses-alarm is not one the guard watches' });
  assert.deepEqual(await world.guard(alarmEvent('evt-3', `${world.stack}-web-green-5xx`, 'OK')), {
    action: 'none', why: `alarm ${world.stack}-web-green-5xx went to OK, not ALARM`,
  });
  await assertUntouched(world, before);

  const ready = await startWorld(t, dynalite.server, { lease: { phase: 'WaitingForReady', stepIndex: 0 } });
  const readyBefore = await observe(ready);
  assert.deepEqual(await ready.guard(alarmEvent('evt-4', `${ready.stack}-web-green-5xx`)), {
    action: 'none', why: 'rollout r-20261130-1150 is in phase WaitingForReady; an alarm moves traffic back only in Shifting or TerminationWait',
  });
  await assertUntouched(ready, readyBefore);
});

test('an alarm during the termination wait flips back too', async (t) => {
  const world = await startWorld(t, dynalite.server, { lease: { phase: 'TerminationWait', stepIndex: 2 } });
  assert.deepEqual(await world.guard(alarmEvent('evt-1', `${world.stack}-api-blue-5xx`)), { action: 'rolled-back' });
  assert.deepEqual(world.elbv2.calls(), FLIP);
});

test('a stack-wide alarm every service watches flips back the services the rollout moves', async (t) => {
  const world = await startWorld(t, dynalite.server);
  assert.deepEqual(await world.guard(alarmEvent('evt-1', `${world.stack}-db-connection-errors`)), { action: 'rolled-back' });
  assert.deepEqual(world.elbv2.calls(), FLIP);
});

test('a claim whose invocation died mid-flip blocks other events for two minutes, then is taken over', async (t) => {
  const world = await startWorld(t, dynalite.server);
  // What an invocation leaves when its Lambda times out between the claim and marking the flip done or failed.
  await world.clients.dynamodb.send(new UpdateItemCommand({
    TableName: TABLE,
    Key: { pk: { S: world.stack }, sk: { S: 'lease' } },
    UpdateExpression: 'SET guardId = :id, guardReason = :reason, guardAt = :at, guardState = :state',
    ExpressionAttributeValues: {
      ':id': { S: 'evt-dead' }, ':reason': { S: `alarm ${world.stack}-web-green-5xx` }, ':at': { S: formatLedgerTime(NOW) }, ':state': { S: 'flipping' },
    },
  }));

  world.clock.now = new Date(NOW.getTime() + 119_000);
  assert.deepEqual(await world.guard(alarmEvent('evt-2', `${world.stack}-web-green-5xx`)), {
    action: 'none', why: 'event evt-dead is moving rollout r-20261130-1150\'s traffic back',
  });
  assert.deepEqual(world.elbv2.calls(), []);

  world.clock.now = new Date(NOW.getTime() + 121_000);
  assert.deepEqual(await world.guard(alarmEvent('evt-3', `${world.stack}-web-green-5xx`)), { action: 'rolled-back' });
  assert.deepEqual(world.elbv2.calls(), FLIP);
  assert.equal((await observe(world)).lease.guardId, 'evt-3');
});

test('two alarms at once flip once: one invocation claims the flip, the other does nothing', async (t) => {
  const world = await startWorld(t, dynalite.server);
  // Both invocations have read the lease before either claims: only the claim's condition keeps them apart.
  let arrived = 0;
  let bothRead;
  const bothClaiming = new Promise((resolve) => { bothRead = resolve; });
  world.clients.dynamodb.middlewareStack.add((next, context) => async (args) => {
    if (context.commandName === 'UpdateItemCommand' && args.input.ExpressionAttributeValues?.[':guardState']?.S === 'flipping') {
      if (++arrived === 2) bothRead();
      await bothClaiming;
    }
    return next(args);
  }, { step: 'initialize', name: 'bothClaimAtOnce' });
  const results = await Promise.all([
    world.guard(alarmEvent('evt-web', `${world.stack}-web-green-5xx`)),
    world.guard(alarmEvent('evt-api', `${world.stack}-api-blue-5xx`)),
  ]);

  assert.deepEqual(results.map((result) => result.action).sort(), ['none', 'rolled-back']);
  const after = await observe(world);
  assert.deepEqual(after.elb, FLIP);
  assert.equal(after.events.length, 1);
  assert.equal(after.pages.length, 1);
  assert.equal(after.release.version, 2);
  const winner = results[0].action === 'rolled-back' ? 'evt-web' : 'evt-api';
  assert.equal(after.lease.guardId, winner);
  assert.deepEqual(results.find((result) => result.action === 'none'),
    { action: 'none', why: 'the lease changed since it was read, or another invocation owns the flip' });

  // Later events for the same rollout see the flip on the lease and leave it alone.
  assert.deepEqual(await world.guard(alarmEvent('evt-late', `${world.stack}-web-error-rate`)), {
    action: 'none', why: `the release guard already moved rollout r-20261130-1150's traffic back (event ${winner})`,
  });
  assert.equal(world.elbv2.requests.length, 2);
});

test('a lease taken over between the read and the claim is not claimed, and nothing moves', async (t) => {
  const world = await startWorld(t, dynalite.server);
  world.clients.dynamodb.middlewareStack.add((next, context) => async (args) => {
    if (context.commandName === 'UpdateItemCommand' && args.input.Key.sk.S === 'lease') await world.ledger.takeOverLease('a-new-runner-token');
    return next(args);
  }, { step: 'initialize', name: 'runnerTakesOver' });
  const before = await observe(world);

  assert.deepEqual(await world.guard(alarmEvent('evt-1', `${world.stack}-web-green-5xx`)), {
    action: 'none', why: 'the lease changed since it was read, or another invocation owns the flip',
  });
  assert.deepEqual(await observe(world), { ...before, lease: { ...before.lease, token: 'a-new-runner-token' } });
});

/** Makes the runner write the release just before each of the guard's release writes, `times` times. */
function runnerWritesReleaseFirst(world, times) {
  let written = 0;
  world.clients.dynamodb.middlewareStack.add((next, context) => async (args) => {
    if (context.commandName === 'UpdateItemCommand' && args.input.Key.sk.S === 'release' && written < times) {
      const current = plain(await world.ledger.release());
      const state = { ...RELEASE_BEFORE, services: { ...RELEASE_BEFORE.services, worker: serviceRelease('blue', 100, { ...IMAGES.worker, green: `${IMAGES.worker.blue}-${written}` }) } };
      written++;
      await world.ledger.writeRelease({ expectedVersion: current.version, desired: state, applied: state, updatedBy: RUNNER, at: NOW });
    }
    return next(args);
  }, { step: 'initialize', name: 'runnerWritesReleaseFirst' });
}

test('a release write lost to another writer is re-read and retried on top of what that writer wrote', async (t) => {
  const world = await startWorld(t, dynalite.server);
  runnerWritesReleaseFirst(world, 1);

  assert.deepEqual(await world.guard(alarmEvent('evt-1', `${world.stack}-web-green-5xx`)), { action: 'rolled-back' });

  const after = await observe(world);
  assert.deepEqual(after.elb, FLIP);
  assert.equal(after.release.version, 3);
  const expected = { ...RELEASE_AFTER, services: { ...RELEASE_AFTER.services, worker: serviceRelease('blue', 100, { ...IMAGES.worker, green: `${IMAGES.worker.blue}-0` }) } };
  assert.deepEqual(JSON.parse(after.release.desired), expected);
  assert.deepEqual(JSON.parse(after.release.applied), expected);
  assert.equal(JSON.parse(after.events[0].data).release, 'written as version 3');
});

test('a release that keeps changing is left to the runner after three retries, journaled, without a second flip', async (t) => {
  const world = await startWorld(t, dynalite.server);
  runnerWritesReleaseFirst(world, 4);

  assert.deepEqual(await world.guard(alarmEvent('evt-1', `${world.stack}-web-green-5xx`)), { action: 'rolled-back' });

  const after = await observe(world);
  assert.deepEqual(after.elb, FLIP);
  assert.equal(after.release.version, 5);
  assert.equal(after.release.updatedBy, RUNNER);
  assert.equal(after.lease.guardState, 'flipped');
  assert.equal(after.lease.controlAction, 'rollback');
  const left = 'left to the runner: the release kept changing (4 compare-and-swap writes lost)';
  assert.deepEqual(after.events.map(({ kind, data }) => [kind, JSON.parse(data).release]), [['GuardRolledBack', left]]);
  assert.match(after.pages[0].message, new RegExp(`Release ledger: ${left.replace(/[()]/g, '\\$&')}\\.`));
});

test('a failed load balancer call marks the flip failed, journals, pages and throws; the retry of the event flips', async (t) => {
  const world = await startWorld(t, dynalite.server, { listenerExists: false });
  const before = await observe(world);
  const event = alarmEvent('evt-1', `${world.stack}-web-green-5xx`);
  const failure = 'web: ListenerNotFoundException: One or more listeners not found';

  await assert.rejects(world.guard(event), {
    message: `release guard could not move stack ${world.stack}'s traffic back (alarm ${world.stack}-web-green-5xx): ${failure}`,
  });

  const after = await observe(world);
  // Every service is attempted: api's rule is back on green although web's listener failed.
  assert.deepEqual(after.elb, FLIP);
  assert.deepEqual(after.lease, {
    ...before.lease,
    guardId: 'evt-1',
    guardReason: `alarm ${world.stack}-web-green-5xx`,
    guardAt: AT,
    guardState: 'failed',
    guardDetail: failure,
  });
  assert.deepEqual(after.release, before.release);
  assert.deepEqual(after.events.map(({ kind, data }) => [kind, JSON.parse(data)]), [['GuardFailed', {
    guardId: 'evt-1',
    rolloutId: 'r-20261130-1150',
    reason: `alarm ${world.stack}-web-green-5xx`,
    services: ['web', 'api'],
    colors: { web: 'blue', api: 'green' },
    detail: failure,
  }]]);
  assert.deepEqual(after.pages, [{
    topicArn: ARNS.topic,
    subject: `Release guard FAILED to roll back ${world.stack}`,
    message: [
      `The release guard FAILED to move stack ${world.stack}'s traffic back (alarm ${world.stack}-web-green-5xx): traffic may still be split.`,
      'Rollout r-20261130-1150: web -> blue, api -> green.',
      `Error: ${failure}`,
      `Lambda retries the event, then sends it to the dead-letter queue; run \`rollback --stack ${world.stack}\` now.`,
    ].join('\n'),
  }]);

  // The listener is there again (say, the load balancer's API answered): Lambda's retry of the same event claims the failed flip.
  world.knownListeners.push(ARNS.webListener);
  world.clock.now = new Date(NOW.getTime() + 60_000);
  assert.deepEqual(await world.guard(event), { action: 'rolled-back' });
  const retried = await observe(world);
  assert.deepEqual(retried.elb, [...FLIP, ...FLIP]);
  assert.equal(retried.lease.guardState, 'flipped');
  assert.equal(retried.lease.guardDetail, undefined);
  assert.deepEqual(retried.events.map(({ kind }) => kind), ['GuardFailed', 'GuardRolledBack']);
  assert.deepEqual(JSON.parse(retried.release.desired), RELEASE_AFTER);
});

test('a page the topic refuses is logged; the flip and its record stand', async (t) => {
  const world = await startWorld(t, dynalite.server);
  await world.configure({ ...guardConfig(world.stack), criticalTopicArn: `${ARNS.topic}-gone` });

  assert.deepEqual(await world.guard(alarmEvent('evt-1', `${world.stack}-web-green-5xx`)), { action: 'rolled-back' });

  const after = await observe(world);
  assert.deepEqual(after.elb, FLIP);
  assert.deepEqual(after.events.map(({ kind }) => kind), ['GuardRolledBack']);
  assert.deepEqual(after.pages, [{ topicArn: `${ARNS.topic}-gone`, subject: `Release guard rolled back ${world.stack}`, message: after.pages[0].message }]);
  assert.deepEqual(world.logs.at(-1), {
    level: 'error',
    message: 'release guard: paging the critical topic failed',
    event: 'evt-1',
    trigger: `alarm ${world.stack}-web-green-5xx ALARM`,
    rollout: 'r-20261130-1150',
    error: 'NotFoundException: Topic does not exist',
  });
});

test('a service of the rollout that the configuration does not route fails the flip by name, the others still move', async (t) => {
  const world = await startWorld(t, dynalite.server);
  const config = guardConfig(world.stack);
  delete config.services.api;
  delete config.alarms[`${world.stack}-api-blue-5xx`];
  config.alarms[`${world.stack}-db-connection-errors`] = [{ service: 'web' }, { service: 'worker' }];

  await world.configure(config);
  await assert.rejects(world.guard(alarmEvent('evt-1', `${world.stack}-web-green-5xx`)), {
    message: `release guard could not move stack ${world.stack}'s traffic back (alarm ${world.stack}-web-green-5xx): api: Error: service api is not in the guard's configuration`,
  });
  const after = await observe(world);
  assert.deepEqual(after.elb, [FLIP[0]]);
  assert.equal(after.lease.guardState, 'failed');
  assert.equal(after.lease.guardDetail, "api: Error: service api is not in the guard's configuration");
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scheduleEvent } from './events.mjs';
import { FLIP, NOW, RELEASE_AFTER, assertFlippedLease, assertUntouched, ledgerServer, observe, startWorld } from './world.mjs';

const dynalite = ledgerServer();
const ago = (seconds) => new Date(NOW.getTime() - seconds * 1000);

test('the schedule leaves a rollout alone while its runner holds the lease', async (t) => {
  const world = await startWorld(t, dynalite.server, { lease: { heartbeatAt: ago(10) } });
  const before = await observe(world);
  assert.deepEqual(await world.guard(scheduleEvent('tick-1')), {
    action: 'none', why: 'rollout r-20261130-1150 is held by its runner until 2026-11-30T12:01:50.0000000Z',
  });
  await assertUntouched(world, before);
});

test('the schedule leaves an expired rollout alone when no traffic is split', async (t) => {
  for (const phase of ['Deploying', 'WaitingForReady', 'SmokeTesting', 'Stopping', 'TerminationWait', 'ScalingDown']) {
    const world = await startWorld(t, dynalite.server, { lease: { phase, heartbeatAt: ago(300) } });
    const before = await observe(world);
    assert.deepEqual(await world.guard(scheduleEvent(`tick-${phase}`)), {
      action: 'none', why: `rollout r-20261130-1150's lease expired at 2026-11-30T11:57:00.0000000Z in phase ${phase}, where no traffic is split`,
    });
    await assertUntouched(world, before);
  }
});

test('the schedule flips back a rollout whose runner is gone while traffic may be split, once', async (t) => {
  for (const phase of ['Shifting', 'RollingBack']) {
    // The lease expires the second it reaches expiresAt, as the runner's Lease.IsExpiredAt says.
    const world = await startWorld(t, dynalite.server, { lease: { phase, heartbeatAt: ago(120) } });
    const before = await observe(world);

    assert.deepEqual(await world.guard(scheduleEvent('tick-1')), { action: 'rolled-back' }, phase);

    const after = await observe(world);
    const reason = 'lease expired at 2026-11-30T12:00:00.0000000Z';
    assert.deepEqual(after.elb, FLIP);
    assertFlippedLease(after.lease, before.lease, 'tick-1', reason);
    assert.deepEqual(JSON.parse(after.release.applied), RELEASE_AFTER);
    assert.equal(after.release.updatedBy, `release-guard (${reason})`);
    assert.deepEqual(after.events.map(({ kind, data }) => [kind, JSON.parse(data).reason]), [['GuardRolledBack', reason]]);
    assert.equal(after.pages.length, 1);

    // The next minute finds the flip on the lease and does nothing more.
    world.clock.now = new Date(NOW.getTime() + 60_000);
    assert.deepEqual(await world.guard(scheduleEvent('tick-2')), {
      action: 'none', why: 'the release guard already moved rollout r-20261130-1150\'s traffic back (event tick-1)',
    });
    assert.deepEqual(await observe(world), after);
  }
});

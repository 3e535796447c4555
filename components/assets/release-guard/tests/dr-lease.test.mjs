// A disaster-recovery command (failover, drill, failback) holds the stack through the same lease item a rollout takes,
// with drCommand set and a record of its own (runner/cli/Adapters/Dr/DrLeaseHold.cs). The guard must read it without
// failing and never move traffic because of it, held or expired.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alarmEvent, scheduleEvent } from './events.mjs';
import { NOW, assertUntouched, ledgerServer, observe, startWorld } from './world.mjs';

const dynalite = ledgerServer();

async function worldHeldBy(t, drCommand, heartbeatAt) {
  const world = await startWorld(t, dynalite.server, { lease: false });
  await world.ledger.acquireLease({
    token: '0a1b2c3d4e5f46778899aabbccddeeff',
    rolloutId: `${drCommand}-20261130-115500`,
    phase: drCommand,
    step: 0,
    services: [],
    record: JSON.stringify({ drCommand, startedAt: '2026-11-30T11:55:00.0000000Z' }),
    heartbeatAt,
    ttlSeconds: 120,
    drCommand,
  });
  return world;
}

test('while a drill holds the lease, a gate alarm of a rollout\'s new color and the schedule do nothing', async (t) => {
  const world = await worldHeldBy(t, 'drill', new Date(NOW.getTime() - 10_000));
  const before = await observe(world);
  const why = `drill drill-20261130-115500 holds stack ${world.stack}, not a rollout: no release traffic to move back`;

  assert.deepEqual(await world.guard(alarmEvent('evt-1', `${world.stack}-web-green-5xx`)), { action: 'none', why });
  assert.deepEqual(await world.guard(scheduleEvent('evt-2')), { action: 'none', why });

  await assertUntouched(world, before);
  assert.deepEqual(world.logs.map((line) => [line.level, line.message, line.rollout, line.why]), [
    ['info', 'release guard: nothing to do', 'drill-20261130-115500', why],
    ['info', 'release guard: nothing to do', 'drill-20261130-115500', why],
  ]);
});

test('a failover lease whose runner is gone (expired) does nothing on the schedule either', async (t) => {
  const world = await worldHeldBy(t, 'failover', new Date(NOW.getTime() - 600_000));
  const before = await observe(world);

  assert.deepEqual(await world.guard(scheduleEvent('evt-1')), {
    action: 'none', why: `failover failover-20261130-115500 holds stack ${world.stack}, not a rollout: no release traffic to move back`,
  });
  await assertUntouched(world, before);
});

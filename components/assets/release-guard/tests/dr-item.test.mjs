// The DR promotion lives in the ledger's own item (sk dr, ledger/ReleaseLedger.Dr.cs): the guard writes the release
// item in the primary region, and the global table resolves concurrent writes last-writer-wins per item, so its
// rollback must never carry, drop or set the promotion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alarmEvent } from './events.mjs';
import { NOW, RELEASE_AFTER, RELEASE_BEFORE, RUNNER, ledgerServer, startWorld } from './world.mjs';

const dynalite = ledgerServer();

test('after failover recorded the promotion in the dr item, the guard rolls back by writing the release item only', async (t) => {
  const world = await startWorld(t, dynalite.server);
  await world.ledger.writeDr({ promoted: true, updatedBy: 'infra-runner on dr-host', at: NOW });
  const dr = await world.ledger.dr();

  assert.deepEqual(await world.guard(alarmEvent('evt-dr-1', `${world.stack}-web-green-5xx`)), { action: 'rolled-back' });

  assert.deepEqual(await world.ledger.dr(), dr);
  const release = await world.ledger.release();
  assert.equal(release.desired.S, JSON.stringify(RELEASE_AFTER), 'no drPromoted written into the release');
  assert.equal(release.applied.S, JSON.stringify(RELEASE_AFTER));
});

test('a release an older version promoted keeps its drPromoted through the guard\'s rollback', async (t) => {
  const world = await startWorld(t, dynalite.server);
  const promoted = { ...RELEASE_BEFORE, drPromoted: true };
  await world.ledger.writeRelease({ expectedVersion: 1, desired: promoted, applied: promoted, updatedBy: RUNNER, at: NOW });

  assert.deepEqual(await world.guard(alarmEvent('evt-dr-2', `${world.stack}-web-green-5xx`)), { action: 'rolled-back' });

  const release = await world.ledger.release();
  assert.equal(release.version.N, '3');
  assert.deepEqual(JSON.parse(release.desired.S), { ...RELEASE_AFTER, drPromoted: true });
  assert.deepEqual(JSON.parse(release.applied.S), { ...RELEASE_AFTER, drPromoted: true });
  assert.equal(await world.ledger.dr(), undefined);
});

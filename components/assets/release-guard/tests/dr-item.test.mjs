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

// While promoted, failover marks both release documents with drPromotedPerDrItem (ledger/ReleaseLedger.PromotionMark.cs):
// code older than the dr item refuses the unknown key instead of reading the release as unpromoted. The guard parses the
// documents as plain JSON and changes only liveColor and weights, so the mark stays, in its place.
const MARKED_BEFORE = { ...RELEASE_BEFORE, drPromotedPerDrItem: true };
const MARKED_AFTER = JSON.stringify({ ...RELEASE_AFTER, drPromotedPerDrItem: true });

test('the promotion mark stays in both documents, in its place, through the guard\'s rollback', async (t) => {
  const world = await startWorld(t, dynalite.server);
  await world.ledger.writeRelease({ expectedVersion: 1, desired: MARKED_BEFORE, applied: MARKED_BEFORE, updatedBy: 'infra-runner on dr-host', at: NOW });

  assert.deepEqual(await world.guard(alarmEvent('evt-dr-3', `${world.stack}-web-green-5xx`)), { action: 'rolled-back' });

  const release = await world.ledger.release();
  assert.equal(release.version.N, '3');
  assert.equal(release.desired.S, MARKED_AFTER);
  assert.equal(release.applied.S, MARKED_AFTER);
});

test('a mark failover writes between the guard\'s read and its write is kept: the lost compare-and-swap is retried on top of it', async (t) => {
  const world = await startWorld(t, dynalite.server);
  let marked = false;
  world.clients.dynamodb.middlewareStack.add((next, context) => async (args) => {
    if (context.commandName === 'UpdateItemCommand' && args.input.Key.sk.S === 'release' && !marked) {
      marked = true;
      const current = await world.ledger.release();
      const mark = (json) => ({ ...JSON.parse(json), drPromotedPerDrItem: true });
      await world.ledger.writeRelease({
        expectedVersion: Number(current.version.N), desired: mark(current.desired.S), applied: mark(current.applied.S),
        updatedBy: 'infra-runner on dr-host', at: NOW,
      });
    }
    return next(args);
  }, { step: 'initialize', name: 'failoverMarksFirst' });

  assert.deepEqual(await world.guard(alarmEvent('evt-dr-4', `${world.stack}-web-green-5xx`)), { action: 'rolled-back' });

  const release = await world.ledger.release();
  assert.ok(marked);
  assert.equal(release.version.N, '3');
  assert.equal(release.desired.S, MARKED_AFTER);
  assert.equal(release.applied.S, MARKED_AFTER);
});

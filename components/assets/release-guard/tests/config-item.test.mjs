import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DeleteItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { alarmEvent, scheduleEvent } from './events.mjs';
import { FLIP, TABLE, assertUntouched, guardConfig, ledgerServer, observe, startWorld } from './world.mjs';

const dynalite = ledgerServer();
const configKey = (stack) => ({ pk: { S: stack }, sk: { S: 'guard-config' } });

test('the guard reads its configuration item at each invocation: what the stack writes counts from the next event', async (t) => {
  const world = await startWorld(t, dynalite.server);
  const alarm = `${world.stack}-web-green-5xx`;
  const without = guardConfig(world.stack);
  delete without.alarms[alarm];
  await world.configure(without);
  const before = await observe(world);

  assert.deepEqual(await world.guard(alarmEvent('evt-1', alarm)), { action: 'none', why: `alarm ${alarm} is not one the guard watches` });
  await assertUntouched(world, before);

  await world.configure(guardConfig(world.stack));
  assert.deepEqual(await world.guard(alarmEvent('evt-2', alarm)), { action: 'rolled-back' });
  assert.deepEqual((await observe(world)).elb, FLIP);
});

test('without its configuration item the guard fails the event, touching nothing, so Lambda retries it and dead-letters it', async (t) => {
  const world = await startWorld(t, dynalite.server);
  await world.clients.dynamodb.send(new DeleteItemCommand({ TableName: TABLE, Key: configKey(world.stack) }));
  const before = await observe(world);

  for (const event of [alarmEvent('evt-1', `${world.stack}-web-green-5xx`), scheduleEvent('tick-1')]) {
    await assert.rejects(world.guard(event), {
      message: `release ledger ${TABLE} has no item guard-config for stack ${world.stack}: the stack writes it with the guard (pulumi up); until then the guard cannot act`,
    });
  }
  await assertUntouched(world, before);
});

test('a configuration item of another shape, or of another stack, is refused by name', async (t) => {
  const world = await startWorld(t, dynalite.server);
  const before = await observe(world);
  const refusals = [
    [{ config: { N: '1' } }, `release ledger ${TABLE}, item guard-config, attribute config: expected a string (S)`],
    [{ config: { S: JSON.stringify(guardConfig('prod-other')) } }, 'guard-config stack: found "prod-other"; expected ' +
      `"${world.stack}", the stack whose partition holds the item`],
  ];
  for (const [attributes, message] of refusals) {
    await world.clients.dynamodb.send(new PutItemCommand({ TableName: TABLE, Item: { ...configKey(world.stack), ...attributes } }));
    await assert.rejects(world.guard(scheduleEvent('tick-1')), { message });
  }
  await assertUntouched(world, before);
});

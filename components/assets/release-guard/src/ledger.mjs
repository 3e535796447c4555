// The guard's reads and writes of the stack's release ledger, each one DynamoDB call, every write conditional
// (contract A in the README). The lease item is only ever updated, never put: the runner's attributes stay.
import { randomBytes, randomUUID } from 'node:crypto';
import { GetItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { parseGuardConfig } from './config.mjs';
import { attributeReader, readLeaseItem } from './lease.mjs';
import { formatLedgerTime, staleClaimBefore } from './ledger-time.mjs';

const LEASE = 'lease';
const RELEASE = 'release';
// Written by the stack (pulumi up), never by the guard or the runner (stacks/Release/LedgerTable.cs).
const CONFIG_ITEM = 'guard-config';

/**
 * @param {object} options
 * @param {import('@aws-sdk/client-dynamodb').DynamoDBClient} options.dynamodb
 * @param {string} options.table
 * @param {string} options.stack  the partition key.
 */
export function createLedger({ dynamodb, table, stack }) {
  const key = (sk) => ({ pk: { S: stack }, sk: { S: sk } });

  async function get(sk) {
    const { Item } = await dynamodb.send(new GetItemCommand({ TableName: table, Key: key(sk), ConsistentRead: true }));
    return Item && Object.keys(Item).length > 0 ? Item : undefined;
  }

  // An update of one item; false when its condition did not hold (nothing was written).
  async function update(sk, { set, remove = [], condition, values = {} }) {
    const names = {};
    const setValues = { ...values };
    for (const name of [...Object.keys(set), ...remove]) names[`#${name}`] = name;
    for (const match of condition.matchAll(/#(\w+)/g)) names[`#${match[1]}`] = match[1];
    for (const [name, value] of Object.entries(set)) setValues[`:${name}`] = value;
    const expression = `SET ${Object.keys(set).map((name) => `#${name} = :${name}`).join(', ')}` +
      (remove.length > 0 ? ` REMOVE ${remove.map((name) => `#${name}`).join(', ')}` : '');
    try {
      await dynamodb.send(new UpdateItemCommand({
        TableName: table,
        Key: key(sk),
        UpdateExpression: expression,
        ConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: setValues,
      }));
      return true;
    } catch (error) {
      if (error?.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  return {
    /**
     * The guard's configuration (contract B), read at every invocation: a `pulumi up` that changes a route or an alarm
     * counts from the next event on. Without the item the guard cannot know what to move, so it throws.
     */
    async readGuardConfig() {
      const item = await get(CONFIG_ITEM);
      if (!item) {
        throw new Error(`release ledger ${table} has no item ${CONFIG_ITEM} for stack ${stack}: the stack writes it with the guard ` +
          '(pulumi up); until then the guard cannot act');
      }
      return parseGuardConfig(attributeReader(table, CONFIG_ITEM, item).string('config'), { stack, ledgerTable: table });
    },

    /** The rollout in progress, or undefined when there is none. */
    async readLease() {
      const item = await get(LEASE);
      return item && readLeaseItem(table, item);
    },

    /**
     * Takes the flip for this event: only while the lease is still the one read (same token) and no other invocation
     * owns a flip that has neither failed nor gone stale (see STALE_CLAIM_MS). False: someone else owns it, or the
     * lease changed; do nothing more.
     */
    claim({ token, guardId, reason, at }) {
      return update(LEASE, {
        set: { guardId: { S: guardId }, guardReason: { S: reason }, guardAt: { S: formatLedgerTime(at) }, guardState: { S: 'flipping' } },
        remove: ['guardDetail'],
        condition: '#token = :token AND (attribute_not_exists(#guardId) OR #guardId = :id OR #guardState = :failed ' +
          'OR (#guardState = :flipping AND #guardAt < :staleBefore))',
        values: {
          ':token': { S: token }, ':id': { S: guardId }, ':failed': { S: 'failed' }, ':flipping': { S: 'flipping' },
          ':staleBefore': { S: staleClaimBefore(at) },
        },
      });
    },

    /** Traffic is back: says so, and asks the runner (at its next renew) to roll back. False: the lease is no longer this flip's. */
    markFlipped({ guardId, reason, at }) {
      return update(LEASE, {
        set: {
          guardState: { S: 'flipped' },
          controlId: { S: randomUUID().replaceAll('-', '') },
          controlAction: { S: 'rollback' },
          controlBy: { S: `release-guard (${reason})` },
          controlAt: { S: formatLedgerTime(at) },
        },
        condition: '#guardId = :id',
        values: { ':id': { S: guardId } },
      });
    },

    /** The flip failed: another invocation (the retry, the next schedule, another alarm) may claim it again. */
    markFailed({ guardId, detail }) {
      return update(LEASE, {
        set: { guardState: { S: 'failed' }, guardDetail: { S: detail } },
        condition: '#guardId = :id',
        values: { ':id': { S: guardId } },
      });
    },

    /** The release item's version, desired and applied state; undefined before the first release. */
    async readRelease() {
      const item = await get(RELEASE);
      if (!item) return undefined;
      const read = attributeReader(table, RELEASE, item);
      return { version: read.number('version'), desired: read.string('desired'), applied: read.string('applied') };
    },

    /** Compare-and-swap of the release: false when another writer changed it since `version` was read. */
    writeRelease({ version, desired, applied, updatedBy, at }) {
      return update(RELEASE, {
        set: {
          version: { N: String(version + 1) },
          desired: { S: desired },
          applied: { S: applied },
          updatedAt: { S: formatLedgerTime(at) },
          updatedBy: { S: updatedBy },
        },
        condition: '#version = :expected',
        values: { ':expected': { N: String(version) } },
      });
    },

    /** A journal event in the C# journal's item format (ledger/ReleaseLedger.Journal.cs); never overwrites one. */
    async appendEvent({ kind, data, at }) {
      const sk = `event#${formatLedgerTime(at)}#${randomBytes(4).toString('hex')}`;
      await dynamodb.send(new PutItemCommand({
        TableName: table,
        Item: { ...key(sk), at: { S: formatLedgerTime(at) }, kind: { S: kind }, data: { S: JSON.stringify(data) } },
        ConditionExpression: 'attribute_not_exists(#sk)',
        ExpressionAttributeNames: { '#sk': 'sk' },
      }));
      return sk;
    },
  };
}

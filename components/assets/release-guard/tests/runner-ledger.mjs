// The ledger as the C# runner leaves it mid-rollout, written item by item in its formats: the lease
// (ledger/ReleaseLedger.Lease.cs, acquired by runner/cli/Adapters/RolloutHold.cs with the rollout record of
// runner/core/Rollout/RolloutRecordJson.cs), the release (ledger/ReleaseLedger.Release.cs with
// stacks/Release/ReleaseStateJson.cs) and the DR promotion (ledger/ReleaseLedger.Dr.cs); and the raw items read back
// for the assertions.
import { GetItemCommand, PutItemCommand, QueryCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { formatLedgerTime } from '../src/ledger-time.mjs';

/** A service of a release state, as ReleaseStateJson writes it (key order included). */
export function serviceRelease(liveColor, blueWeight, images) {
  return {
    liveColor,
    weights: { blue: blueWeight, green: 100 - blueWeight },
    image: { blue: images.blue ?? null, green: images.green ?? null },
    running: { blue: true, green: true },
  };
}

/** The runner's rollout record: every service moves from fromColor to the other color. */
export function rolloutRecord({ id, services, phase, stepIndex, startedAt }) {
  return JSON.stringify({
    id,
    startedAt,
    plan: {
      services: services.map(({ name, image }) => ({ name, image })),
      steps: [10, 50, 100],
      bake: '00:05:00',
      pollInterval: '00:00:10',
      smoke: { path: null, consecutiveSuccesses: 3, timeout: '00:02:00' },
      terminationWait: '00:15:00',
      insufficientData: 'ok',
      readyTimeout: '00:10:00',
      duringIncident: false,
    },
    services: services.map(({ name, fromColor, image }) => ({
      name, fromColor, toColor: fromColor === 'blue' ? 'green' : 'blue', image, replaced: null,
    })),
    phase: phase.charAt(0).toLowerCase() + phase.slice(1),
    stepIndex,
    phaseStartedAt: startedAt,
    promotion: 'none',
    stopRequest: null,
  });
}

/**
 * @param {import('@aws-sdk/client-dynamodb').DynamoDBClient} client
 * @param {string} table
 * @param {string} stack
 */
export function runnerLedger(client, table, stack) {
  const key = (sk) => ({ pk: { S: stack }, sk: { S: sk } });
  const get = async (sk) => (await client.send(new GetItemCommand({ TableName: table, Key: key(sk), ConsistentRead: true }))).Item;

  return {
    /**
     * The lease as AcquireLeaseAsync writes it, `heartbeatAt` and `expiresAt` from the runner's clock; with `drCommand`,
     * as a disaster-recovery command takes it (runner/cli/Adapters/Dr/DrLeaseHold.cs).
     */
    async acquireLease({ token, rolloutId, phase, step, services, record, heartbeatAt, ttlSeconds, drCommand }) {
      await client.send(new PutItemCommand({
        TableName: table,
        Item: {
          ...key('lease'),
          token: { S: token },
          ownerHost: { S: 'ci-runner-7' },
          ownerPid: { N: '4242' },
          ownerRunUrl: { S: 'https://github.com/acme/infra/actions/runs/99' },
          rolloutId: { S: rolloutId },
          phase: { S: phase },
          step: { N: String(step) },
          services: { L: services.map((name) => ({ S: name })) },
          record: { S: record },
          heartbeatAt: { S: formatLedgerTime(heartbeatAt) },
          expiresAt: { N: String(Math.floor(heartbeatAt.getTime() / 1000) + ttlSeconds) },
          ...(drCommand === undefined ? {} : { drCommand: { S: drCommand } }),
        },
        ConditionExpression: 'attribute_not_exists(#sk)',
        ExpressionAttributeNames: { '#sk': 'sk' },
      }));
    },

    /** TakeOverLeaseAsync's effect on the guard: a new token on the same rollout. */
    async takeOverLease(token) {
      await client.send(new UpdateItemCommand({
        TableName: table,
        Key: key('lease'),
        UpdateExpression: 'SET #token = :token',
        ExpressionAttributeNames: { '#token': 'token' },
        ExpressionAttributeValues: { ':token': { S: token } },
      }));
    },

    /** WriteReleaseAsync: a compare-and-swap put of the whole item. */
    async writeRelease({ expectedVersion, desired, applied, updatedBy, at }) {
      await client.send(new PutItemCommand({
        TableName: table,
        Item: {
          ...key('release'),
          version: { N: String(expectedVersion + 1) },
          desired: { S: JSON.stringify(desired) },
          applied: { S: JSON.stringify(applied) },
          updatedAt: { S: formatLedgerTime(at) },
          updatedBy: { S: updatedBy },
        },
        ...(expectedVersion === 0
          ? { ConditionExpression: 'attribute_not_exists(#sk)', ExpressionAttributeNames: { '#sk': 'sk' } }
          : { ConditionExpression: '#version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': { N: String(expectedVersion) } } }),
      }));
    },

    /** WriteDrAsync, as failover writes the DR promotion (its own item, sk dr) as the first version. */
    async writeDr({ promoted, updatedBy, at }) {
      await client.send(new PutItemCommand({
        TableName: table,
        Item: { ...key('dr'), version: { N: '1' }, promoted: { BOOL: promoted }, updatedAt: { S: formatLedgerTime(at) }, updatedBy: { S: updatedBy } },
        ConditionExpression: 'attribute_not_exists(#sk)',
        ExpressionAttributeNames: { '#sk': 'sk' },
      }));
    },

    lease: () => get('lease'),
    release: () => get('release'),
    dr: () => get('dr'),

    /** The journal's items, oldest first. */
    async events() {
      const { Items } = await client.send(new QueryCommand({
        TableName: table,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
        ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' },
        ExpressionAttributeValues: { ':pk': { S: stack }, ':prefix': { S: 'event#' } },
        ConsistentRead: true,
      }));
      return Items;
    },
  };
}

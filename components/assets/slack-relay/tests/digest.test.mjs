import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { createDigest } from '../src/alarm-digest.mjs';
import { AWS } from './aws.mjs';
import { startCloudWatch } from './cloudwatch-server.mjs';
import { recordingSleep, startScriptedServer } from './scripted-server.mjs';

const LOW_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop-prod/slack-low-AbC';
const FALLBACK_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop-prod/slack-AbC';
const NOW = new Date('2026-11-30T08:00:00Z');
const DISK = 'shop-prod-db-free-storage-low';
const CPU = 'shop-prod-web-cpu-high';
const QUIET = 'shop-prod-web-memory-high';
const ENV = {
  STACK_NAME: 'production',
  LOW_ALARM_NAMES: JSON.stringify([DISK, CPU, QUIET]),
  SLACK_WEBHOOK_SECRET_ARN: FALLBACK_ARN,
  SLACK_WEBHOOK_SECRET_ARNS: JSON.stringify({ low: LOW_ARN }),
};

const change = (at, from, to, reason = `went ${to}`) => ({ at, from, to, reason });

async function withWorld({ history, slackReplies = [{ status: 200 }], pageSize, env = ENV }, body) {
  const cloudWatch = await startCloudWatch(history, { pageSize });
  const slack = await startScriptedServer(slackReplies);
  const secretReads = [];
  const secretsClient = { async getSecretValue(secretId) { secretReads.push(secretId); return slack.url(`/hook/${secretId.split(':').pop()}`); } };
  const lines = [];
  try {
    const digest = createDigest({
      env,
      cloudWatch: new CloudWatchClient({ ...AWS, endpoint: cloudWatch.url('/') }),
      secretsClient,
      now: () => NOW,
      sleep: recordingSleep().sleep,
      log: (level, message, fields) => lines.push({ level, message, ...fields }),
    });
    await body({ digest, cloudWatch, slack, secretReads, lines });
  } finally {
    await Promise.all([cloudWatch.close(), slack.close()]);
  }
}

test("several low alarms of the day become one Slack message on the low channel, oldest state first, yesterday's left out", async () => {
  const history = {
    [DISK]: [
      change('2026-11-29T07:59:59Z', 'OK', 'ALARM', 'before the window'),
      change('2026-11-29T10:00:00Z', 'OK', 'ALARM', 'Threshold Crossed: 1 datapoint [900.0] < 1000.0'),
      change('2026-11-29T10:30:00Z', 'ALARM', 'OK'),
      change('2026-11-30T06:00:00Z', 'OK', 'ALARM', 'Threshold Crossed: 1 datapoint [800.0] < 1000.0'),
    ],
    [CPU]: [change('2026-11-29T12:00:00Z', 'OK', 'ALARM', 'CPU <high> & rising'), change('2026-11-29T12:20:00Z', 'ALARM', 'OK')],
    [QUIET]: [change('2026-11-29T09:00:00Z', 'INSUFFICIENT_DATA', 'OK')],
  };
  await withWorld({ history }, async ({ digest, cloudWatch, slack, secretReads }) => {
    assert.deepEqual(await digest({}), { alarms: 2, posted: true });

    assert.equal(slack.requests.length, 1);
    assert.equal(slack.requests[0].path, '/hook/shop-prod/slack-low-AbC');
    assert.deepEqual(secretReads, [LOW_ARN]);
    assert.deepEqual(JSON.parse(slack.requests[0].body), {
      text: [
        '*Daily digest of low-severity alarms for production*',
        '2026-11-29T08:00:00.000Z to 2026-11-30T08:00:00.000Z: 2 alarms went to ALARM',
        `• *${DISK}*: 2× ALARM, last at 2026-11-30T06:00:00.000Z, now ALARM. Threshold Crossed: 1 datapoint [800.0] &lt; 1000.0`,
        `• *${CPU}*: 1× ALARM, last at 2026-11-29T12:00:00.000Z, now OK. CPU &lt;high&gt; &amp; rising`,
      ].join('\n'),
    });

    const asked = cloudWatch.requests.map((r) => JSON.parse(r.body));
    assert.deepEqual(asked.map((a) => a.AlarmName), [DISK, CPU, QUIET]);
    assert.deepEqual(asked[0], { AlarmName: DISK, HistoryItemType: 'StateUpdate', StartDate: Date.parse('2026-11-29T08:00:00Z') / 1000, EndDate: NOW.getTime() / 1000 });
  });
});

test('every page of an alarm\'s history is read', async () => {
  const history = { [DISK]: [1, 2, 3, 4, 5].map((h) => change(`2026-11-30T0${h}:00:00Z`, 'OK', 'ALARM')) };
  await withWorld({ history, pageSize: 2, env: { ...ENV, LOW_ALARM_NAMES: JSON.stringify([DISK]) } }, async ({ digest, cloudWatch, slack }) => {
    assert.deepEqual(await digest({}), { alarms: 1, posted: true });
    assert.deepEqual(cloudWatch.requests.map((r) => JSON.parse(r.body).NextToken), [undefined, '2', '4']);
    assert.match(JSON.parse(slack.requests[0].body).text, /5× ALARM, last at 2026-11-30T05:00:00.000Z/);
  });
});

test('a day without a low alarm going to ALARM posts nothing and reads no webhook', async () => {
  const history = { [QUIET]: [change('2026-11-29T09:00:00Z', 'ALARM', 'OK')] };
  await withWorld({ history }, async ({ digest, slack, secretReads, lines }) => {
    assert.deepEqual(await digest({}), { alarms: 0, posted: false });
    assert.equal(slack.requests.length, 0);
    assert.deepEqual(secretReads, []);
    assert.deepEqual(lines, [{ level: 'info', message: 'no low-severity alarm in the last day; nothing posted', watched: 3 }]);
  });
});

test('without a low channel of its own the digest posts to the fallback webhook', async () => {
  const history = { [CPU]: [change('2026-11-30T01:00:00Z', 'OK', 'ALARM')] };
  await withWorld({ history, env: { ...ENV, SLACK_WEBHOOK_SECRET_ARNS: undefined } }, async ({ digest, slack, secretReads }) => {
    await digest({});
    assert.deepEqual(secretReads, [FALLBACK_ARN]);
    assert.equal(slack.requests[0].path, '/hook/shop-prod/slack-AbC');
  });
});

test('Slack failing every attempt fails the run, so Lambda retries it and then sends it to the dead-letter queue', async () => {
  const history = { [CPU]: [change('2026-11-30T01:00:00Z', 'OK', 'ALARM')] };
  await withWorld({ history, slackReplies: [{ status: 503 }] }, async ({ digest, slack }) => {
    await assert.rejects(digest({}), { message: 'Slack webhook still failing after 4 attempts: HTTP 503' });
    assert.equal(slack.requests.length, 4);
  });
});

test('a CloudWatch error fails the run with the AWS error named, before Slack is asked', async () => {
  const denied = { status: 400, headers: { 'content-type': 'application/x-amz-json-1.0' },
    body: JSON.stringify({ __type: 'com.amazonaws.cloudwatch#AccessDenied', message: 'User is not authorized to perform: cloudwatch:DescribeAlarmHistory' }) };
  const cloudWatch = await startScriptedServer([denied]);
  try {
    const digest = createDigest({ env: ENV, cloudWatch: new CloudWatchClient({ ...AWS, endpoint: cloudWatch.url('/') }), secretsClient: {}, now: () => NOW });
    await assert.rejects(digest({}), { message: 'User is not authorized to perform: cloudwatch:DescribeAlarmHistory' });
  } finally {
    await cloudWatch.close();
  }
});

test('LOW_ALARM_NAMES that is not a JSON list of names fails before any call', async () => {
  for (const value of [undefined, 'web-cpu', '{"a": 1}', '[1]']) {
    const digest = createDigest({ env: { ...ENV, LOW_ALARM_NAMES: value }, cloudWatch: { send: async () => assert.fail('no call expected') }, secretsClient: {} });
    await assert.rejects(digest({}), { message: 'LOW_ALARM_NAMES must be a JSON list of alarm names' });
  }
});

test('digest.mjs exports a handler wired to process.env', async () => {
  const saved = process.env.LOW_ALARM_NAMES;
  delete process.env.LOW_ALARM_NAMES;
  try {
    const { handler } = await import('../src/digest.mjs');
    await assert.rejects(handler({}), { message: 'LOW_ALARM_NAMES must be a JSON list of alarm names' });
  } finally {
    if (saved !== undefined) process.env.LOW_ALARM_NAMES = saved;
  }
});

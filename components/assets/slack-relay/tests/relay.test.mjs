import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRelay } from '../src/relay.mjs';
import { recordingSleep, startScriptedServer } from './scripted-server.mjs';

const WEBHOOK_PATH = '/services/T000/B000/SECRETPATH9';
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop-prod/slack-AbCdEf';
const ENV = { SLACK_WEBHOOK_SECRET_ARN: SECRET_ARN, DASHBOARD_NAME: 'shop-prod', AWS_REGION: 'eu-west-1' };

const ALARM = {
  AlarmName: 'shop-prod-web-blue-5xx-rate',
  AlarmDescription: 'Blue 5xx rate over 10%: the rollout stops and traffic returns to the live color.',
  AlarmArn: 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:shop-prod-web-blue-5xx-rate',
  AWSAccountId: '123456789012',
  NewStateValue: 'ALARM',
  OldStateValue: 'OK',
  NewStateReason: 'Threshold Crossed: 2 out of the last 2 datapoints [13.2, 11.0] were greater than the threshold (10.0).',
  StateChangeTime: '2024-01-02T03:04:05.678+0000',
  Region: 'EU (Ireland)',
  Trigger: { MetricName: 'HTTPCode_Target_5XX_Count', Threshold: 10, ComparisonOperator: 'GreaterThanThreshold' },
};

function snsEvent(...records) {
  return { Records: records.map((Sns) => ({ EventSource: 'aws:sns', Sns })) };
}
const alarmNotification = (alarm = ALARM, severity = 'critical') => ({
  TopicArn: `arn:aws:sns:eu-west-1:123456789012:shop-prod-alerts-${severity}`,
  Subject: `ALARM: "${alarm.AlarmName}" in EU (Ireland)`,
  Message: JSON.stringify(alarm),
  MessageId: 'msg-alarm',
});
const plainNotification = {
  TopicArn: 'arn:aws:sns:eu-west-1:123456789012:shop-prod-alerts-low',
  Subject: 'Drill finished',
  Message: 'RTO 4m12s, RPO 3s.',
  MessageId: 'msg-plain',
};

/** A fake Secrets Manager client that counts reads and answers from a script. */
function fakeSecrets(...answers) {
  const calls = [];
  return {
    calls,
    async getSecretValue(secretId) {
      calls.push(secretId);
      const answer = answers[Math.min(calls.length, answers.length) - 1];
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
}

/** Runs body with console output captured, so the default logger is what gets checked. */
async function withCapturedConsole(body) {
  const lines = [];
  const methods = ['log', 'info', 'warn', 'error', 'debug'];
  const originals = methods.map((name) => console[name]);
  for (const name of methods) console[name] = (...args) => lines.push(args.map(String).join(' '));
  try {
    await body(lines);
  } finally {
    methods.forEach((name, index) => { console[name] = originals[index]; });
  }
  return lines;
}

async function withSlack(replies, body) {
  const slack = await startScriptedServer(replies);
  try {
    await withCapturedConsole((lines) => body(slack, lines));
  } finally {
    await slack.close();
  }
}

test('an alarm notification reaches Slack as a coloured message with state, reason, region and links', async () => {
  await withSlack([{ status: 200, body: 'ok' }], async (slack, lines) => {
    const relay = createRelay({ env: ENV, secretsClient: fakeSecrets(slack.url(WEBHOOK_PATH)), sleep: recordingSleep().sleep });
    assert.deepEqual(await relay(snsEvent(alarmNotification())), { relayed: 1 });

    assert.equal(slack.requests.length, 1);
    assert.equal(slack.requests[0].path, WEBHOOK_PATH);
    const alarmLink = 'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/shop-prod-web-blue-5xx-rate';
    const dashboardLink = 'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#dashboards/dashboard/shop-prod';
    assert.deepEqual(JSON.parse(slack.requests[0].body), {
      text: '[CRITICAL] shop-prod-web-blue-5xx-rate is ALARM',
      attachments: [{
        color: '#E01E5A',
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: `*<${alarmLink}|shop-prod-web-blue-5xx-rate>*\nBlue 5xx rate over 10%: the rollout stops and traffic returns to the live color.` } },
          { type: 'section', fields: [
            { type: 'mrkdwn', text: '*State*\nALARM (was OK)' },
            { type: 'mrkdwn', text: '*Severity*\ncritical' },
            { type: 'mrkdwn', text: '*Region*\neu-west-1' },
            { type: 'mrkdwn', text: '*Changed*\n2024-01-02T03:04:05.678+0000' },
          ] },
          { type: 'section', text: { type: 'mrkdwn', text: '*Reason*\nThreshold Crossed: 2 out of the last 2 datapoints [13.2, 11.0] were greater than the threshold (10.0).' } },
          { type: 'context', elements: [{ type: 'mrkdwn', text: `<${alarmLink}|Open alarm>  |  <${dashboardLink}|Open dashboard>` }] },
        ],
      }],
    });
    assert.deepEqual(lines.map((line) => JSON.parse(line)), [{
      level: 'info', message: 'relayed to Slack', messageId: 'msg-alarm',
      kind: 'alarm', alarm: 'shop-prod-web-blue-5xx-rate', state: 'ALARM', severity: 'critical', attempts: 1,
    }]);
  });
});

test('a recovery on a high topic is green', async () => {
  await withSlack([{ status: 200 }], async (slack) => {
    const relay = createRelay({ env: ENV, secretsClient: fakeSecrets(slack.url(WEBHOOK_PATH)) });
    await relay(snsEvent(alarmNotification({ ...ALARM, NewStateValue: 'OK', OldStateValue: 'ALARM' }, 'high')));
    const body = JSON.parse(slack.requests[0].body);
    assert.equal(body.text, '[HIGH] shop-prod-web-blue-5xx-rate is OK');
    assert.equal(body.attachments[0].color, '#2EB67D');
  });
});

test('a non-alarm message reaches Slack as plain text, and every record of the event is relayed in order', async () => {
  await withSlack([{ status: 200 }], async (slack) => {
    const relay = createRelay({ env: ENV, secretsClient: fakeSecrets(slack.url(WEBHOOK_PATH)) });
    assert.deepEqual(await relay(snsEvent(plainNotification, alarmNotification())), { relayed: 2 });
    assert.deepEqual(JSON.parse(slack.requests[0].body), { text: '*Drill finished*\nRTO 4m12s, RPO 3s.' });
    assert.equal(JSON.parse(slack.requests[1].body).text, '[CRITICAL] shop-prod-web-blue-5xx-rate is ALARM');
  });
});

test('429 then success: the handler waits as Slack asks and succeeds', async () => {
  await withSlack([{ status: 429, headers: { 'retry-after': '2' } }, { status: 200 }], async (slack) => {
    const { sleep, delays } = recordingSleep();
    const relay = createRelay({ env: ENV, secretsClient: fakeSecrets(slack.url(WEBHOOK_PATH)), sleep });
    assert.deepEqual(await relay(snsEvent(alarmNotification())), { relayed: 1 });
    assert.equal(slack.requests.length, 2);
    assert.deepEqual(delays, [2000]);
  });
});

test('a permanent 4xx fails the invocation so SNS retries it', async () => {
  await withSlack([{ status: 403, body: 'invalid_token' }], async (slack) => {
    const relay = createRelay({ env: ENV, secretsClient: fakeSecrets(slack.url(WEBHOOK_PATH)), sleep: recordingSleep().sleep });
    await assert.rejects(relay(snsEvent(alarmNotification())), { message: 'Slack webhook rejected the message: HTTP 403 invalid_token' });
    assert.equal(slack.requests.length, 1);
  });
});

test('5xx until attempts run out fails the invocation', async () => {
  await withSlack([{ status: 500 }], async (slack) => {
    const { sleep, delays } = recordingSleep();
    const relay = createRelay({ env: ENV, secretsClient: fakeSecrets(slack.url(WEBHOOK_PATH)), sleep });
    await assert.rejects(relay(snsEvent(alarmNotification())), { message: 'Slack webhook still failing after 4 attempts: HTTP 500' });
    assert.equal(slack.requests.length, 4);
    assert.deepEqual(delays, [1000, 2000, 4000]);
  });
});

test('the secret is read once per cold start, however many invocations follow', async () => {
  await withSlack([{ status: 200 }], async (slack) => {
    const secrets = fakeSecrets(slack.url(WEBHOOK_PATH));
    const relay = createRelay({ env: ENV, secretsClient: secrets });
    await relay(snsEvent(alarmNotification()));
    await relay(snsEvent(plainNotification));
    await Promise.all([relay(snsEvent(plainNotification)), relay(snsEvent(alarmNotification()))]);
    assert.deepEqual(secrets.calls, [SECRET_ARN]);
    assert.equal(slack.requests.length, 4);

    const nextColdStart = createRelay({ env: ENV, secretsClient: secrets });
    await nextColdStart(snsEvent(plainNotification));
    assert.deepEqual(secrets.calls, [SECRET_ARN, SECRET_ARN]);
  });
});

test('the secret may hold JSON {"url": ...} instead of the bare URL', async () => {
  await withSlack([{ status: 200 }], async (slack) => {
    const relay = createRelay({ env: ENV, secretsClient: fakeSecrets(JSON.stringify({ url: slack.url(WEBHOOK_PATH) })) });
    await relay(snsEvent(plainNotification));
    assert.equal(slack.requests[0].path, WEBHOOK_PATH);
  });
});

test('a failed secret read fails that invocation and is tried again on the next', async () => {
  await withSlack([{ status: 200 }], async (slack) => {
    const secrets = fakeSecrets(new Error('Secrets Manager GetSecretValue failed: HTTP 500'), slack.url(WEBHOOK_PATH));
    const relay = createRelay({ env: ENV, secretsClient: secrets });
    await assert.rejects(relay(snsEvent(plainNotification)), { message: 'Secrets Manager GetSecretValue failed: HTTP 500' });
    assert.equal(slack.requests.length, 0);
    assert.deepEqual(await relay(snsEvent(plainNotification)), { relayed: 1 });
    assert.equal(secrets.calls.length, 2);
  });
});

test('a severity with its own channel posts there; the others fall back to SLACK_WEBHOOK_SECRET_ARN', async () => {
  const CRITICAL_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop-prod/slack-critical-XyZ';
  await withSlack([{ status: 200 }], async (slack) => {
    const byArn = { [CRITICAL_ARN]: slack.url('/critical-channel'), [SECRET_ARN]: slack.url(WEBHOOK_PATH) };
    const calls = [];
    const secretsClient = { async getSecretValue(secretId) { calls.push(secretId); return byArn[secretId]; } };
    const env = { ...ENV, SLACK_WEBHOOK_SECRET_ARNS: JSON.stringify({ critical: CRITICAL_ARN }) };
    const relay = createRelay({ env, secretsClient });
    await relay(snsEvent(alarmNotification(ALARM, 'critical'), alarmNotification(ALARM, 'high'), alarmNotification(ALARM, 'critical')));
    assert.deepEqual(slack.requests.map((r) => r.path), ['/critical-channel', WEBHOOK_PATH, '/critical-channel']);
    assert.deepEqual(calls, [CRITICAL_ARN, SECRET_ARN]);
  });
});

test('SLACK_WEBHOOK_SECRET_ARNS that is not a JSON map fails with the shape to use', async () => {
  const relay = createRelay({ env: { ...ENV, SLACK_WEBHOOK_SECRET_ARNS: '["arn"]' }, secretsClient: fakeSecrets('https://unused.example/') });
  await assert.rejects(relay(snsEvent(plainNotification)), { message: 'SLACK_WEBHOOK_SECRET_ARNS must be JSON {"<severity>": "<secret ARN>"}' });
});

test('a missing SLACK_WEBHOOK_SECRET_ARN or an event without SNS records fails with the cause named', async () => {
  const secrets = fakeSecrets('https://unused.example/');
  const withoutSecret = createRelay({ env: { ...ENV, SLACK_WEBHOOK_SECRET_ARN: undefined }, secretsClient: secrets });
  await assert.rejects(withoutSecret(snsEvent(plainNotification)), { message: 'SLACK_WEBHOOK_SECRET_ARN is not set' });
  const relay = createRelay({ env: ENV, secretsClient: secrets });
  await assert.rejects(relay({ Records: [{ EventSource: 'aws:sqs', body: '{}' }] }), { message: 'the event holds no SNS records' });
  await assert.rejects(relay({}), { message: 'the event holds no SNS records' });
  assert.deepEqual(secrets.calls, []);
});

test('the webhook URL never appears in logs or thrown errors, on success, retry or failure', async () => {
  await withSlack([
    { status: 429, headers: { 'retry-after': '1' } }, { status: 200 },       // retry then success
    { status: 400, body: 'invalid_payload' },                                // permanent failure
    { status: 503 },                                                         // exhaustion from here on
  ], async (slack, lines) => {
    const webhookUrl = slack.url(WEBHOOK_PATH);
    const relay = createRelay({ env: ENV, secretsClient: fakeSecrets(JSON.stringify({ url: webhookUrl })), sleep: recordingSleep().sleep });
    await relay(snsEvent(alarmNotification()));
    const errors = [];
    await relay(snsEvent(plainNotification)).catch((error) => errors.push(error));
    await relay(snsEvent(plainNotification)).catch((error) => errors.push(error));

    const levels = lines.map((line) => JSON.parse(line).level);
    assert.deepEqual(levels, ['warn', 'info', 'warn', 'warn', 'warn']);
    assert.equal(errors.length, 2);
    const everything = [...lines, ...errors.map((error) => `${error.message}\n${error.stack}`)].join('\n');
    assert.ok(!everything.includes('SECRETPATH9'), everything);
    assert.ok(!everything.includes(webhookUrl), everything);
  });
});

test('index.mjs exports a handler wired to process.env', async () => {
  const saved = process.env.SLACK_WEBHOOK_SECRET_ARN;
  delete process.env.SLACK_WEBHOOK_SECRET_ARN;
  try {
    const { handler } = await import('../src/index.mjs');
    await assert.rejects(handler(snsEvent(plainNotification)), { message: 'SLACK_WEBHOOK_SECRET_ARN is not set' });
  } finally {
    if (saved !== undefined) process.env.SLACK_WEBHOOK_SECRET_ARN = saved;
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSnsNotification, plainSlackMessage, severityFromTopicArn } from '../src/slack-message.mjs';
import { OK_COLOUR, SEVERITY_COLOURS } from '../src/alarm-message.mjs';
import { MAX_TEXT_LENGTH } from '../src/mrkdwn.mjs';

const TOPIC = (suffix) => `arn:aws:sns:eu-west-1:123456789012:shop-prod-alerts-${suffix}`;
const CONTEXT = { dashboardName: 'shop-prod', lambdaRegion: 'eu-west-1' };

function alarmRecord(alarmOverrides = {}, topicSuffix = 'critical') {
  const alarm = {
    AlarmName: 'shop-prod-web-5xx-rate',
    AlarmDescription: 'Target 5xx rate over 10% for 2 minutes: check the latest deploy, roll back if it is new.',
    AlarmArn: 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:shop-prod-web-5xx-rate',
    NewStateValue: 'ALARM',
    OldStateValue: 'OK',
    NewStateReason: 'Threshold Crossed: 2 datapoints [12.5, 14.0] were greater than the threshold (10.0).',
    StateChangeTime: '2024-01-02T03:04:05.678+0000',
    Region: 'EU (Ireland)',
    ...alarmOverrides,
  };
  return { TopicArn: TOPIC(topicSuffix), Subject: 'ALARM: "shop-prod-web-5xx-rate" in EU (Ireland)', Message: JSON.stringify(alarm), MessageId: 'm-1' };
}

test('severity is the topic name suffix', () => {
  assert.equal(severityFromTopicArn(TOPIC('critical')), 'critical');
  assert.equal(severityFromTopicArn(TOPIC('high')), 'high');
  assert.equal(severityFromTopicArn(TOPIC('medium')), 'medium');
  assert.equal(severityFromTopicArn(TOPIC('low')), 'low');
  assert.equal(severityFromTopicArn('arn:aws:sns:eu-west-1:123456789012:ops-notices'), undefined);
  assert.equal(severityFromTopicArn('arn:aws:sns:eu-west-1:123456789012:critical-path'), undefined);
  assert.equal(severityFromTopicArn(undefined), undefined);
});

test('colour follows severity while alarming and is green on recovery', () => {
  const colourOf = (record) => formatSnsNotification(record, CONTEXT).payload.attachments[0].color;
  assert.equal(colourOf(alarmRecord({}, 'critical')), '#E01E5A');
  assert.equal(colourOf(alarmRecord({}, 'high')), '#F2711C');
  assert.equal(colourOf(alarmRecord({}, 'medium')), '#ECB22E');
  assert.equal(colourOf(alarmRecord({}, 'low')), '#9E9E9E');
  assert.equal(colourOf(alarmRecord({ NewStateValue: 'OK', OldStateValue: 'ALARM' }, 'critical')), OK_COLOUR);
  assert.equal(OK_COLOUR, '#2EB67D');
  assert.deepEqual(Object.keys(SEVERITY_COLOURS), ['critical', 'high', 'medium', 'low']);
});

test('an alarm on a topic without a severity suffix is labelled unknown and coloured like low', () => {
  const record = { ...alarmRecord(), TopicArn: 'arn:aws:sns:eu-west-1:123456789012:ops-notices' };
  const { payload, summary } = formatSnsNotification(record, CONTEXT);
  assert.equal(payload.text, '[UNKNOWN] shop-prod-web-5xx-rate is ALARM');
  assert.equal(payload.attachments[0].color, SEVERITY_COLOURS.low);
  assert.deepEqual(payload.attachments[0].blocks[1].fields[1], { type: 'mrkdwn', text: '*Severity*\nunknown' });
  assert.equal(summary.severity, 'unknown');
});

test('without AlarmArn the region comes from the topic, and without a dashboard there is no dashboard link', () => {
  const record = { ...alarmRecord({ AlarmArn: undefined, StateChangeTime: undefined, AlarmDescription: undefined, OldStateValue: undefined, NewStateReason: undefined }), TopicArn: 'arn:aws:sns:us-east-2:123456789012:shop-prod-alerts-high' };
  const { payload } = formatSnsNotification(record, { lambdaRegion: 'eu-west-1' });
  assert.deepEqual(payload.attachments[0].blocks, [
    { type: 'section', text: { type: 'mrkdwn', text: '*<https://us-east-2.console.aws.amazon.com/cloudwatch/home?region=us-east-2#alarmsV2:alarm/shop-prod-web-5xx-rate|shop-prod-web-5xx-rate>*' } },
    { type: 'section', fields: [
      { type: 'mrkdwn', text: '*State*\nALARM' },
      { type: 'mrkdwn', text: '*Severity*\nhigh' },
      { type: 'mrkdwn', text: '*Region*\nus-east-2' },
    ] },
    { type: 'context', elements: [{ type: 'mrkdwn', text: '<https://us-east-2.console.aws.amazon.com/cloudwatch/home?region=us-east-2#alarmsV2:alarm/shop-prod-web-5xx-rate|Open alarm>' }] },
  ]);
});

test('alarm and dashboard names are percent-encoded in links and Slack markup is escaped in text', () => {
  const record = alarmRecord({ AlarmName: 'db <primary> & replica/lag', NewStateReason: 'lag > 300 & rising', AlarmArn: undefined });
  const { payload } = formatSnsNotification(record, { dashboardName: 'shop prod/main', lambdaRegion: 'eu-west-1' });
  const [heading, , reason, links] = payload.attachments[0].blocks;
  assert.equal(payload.text, '[CRITICAL] db &lt;primary&gt; &amp; replica/lag is ALARM');
  assert.ok(heading.text.text.startsWith('*<https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/db%20%3Cprimary%3E%20%26%20replica%2Flag|db &lt;primary&gt; &amp; replica/lag>*'));
  assert.equal(reason.text.text, '*Reason*\nlag &gt; 300 &amp; rising');
  assert.ok(links.elements[0].text.endsWith('<https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#dashboards/dashboard/shop%20prod%2Fmain|Open dashboard>'));
});

test('a long reason is cut to the block limit and marked', () => {
  const { payload } = formatSnsNotification(alarmRecord({ NewStateReason: 'x'.repeat(10_000) }), CONTEXT);
  const reason = payload.attachments[0].blocks[2].text.text;
  assert.equal(reason.length, '*Reason*\n'.length + MAX_TEXT_LENGTH);
  assert.ok(reason.endsWith('x… (truncated)'));
});

test('a non-alarm message is plain text with its subject in bold', () => {
  const record = { TopicArn: TOPIC('low'), Subject: 'Backup finished', Message: 'Snapshot <rds:shop-2024-01-02> is ready', MessageId: 'm-2' };
  assert.deepEqual(formatSnsNotification(record, CONTEXT), {
    payload: { text: '*Backup finished*\nSnapshot &lt;rds:shop-2024-01-02&gt; is ready' },
    summary: { kind: 'message', subject: 'Backup finished' },
  });
});

test('JSON that is not an alarm notification is relayed as plain text', () => {
  const record = { TopicArn: TOPIC('high'), Subject: null, Message: '{"AlarmName": "half an alarm"}', MessageId: 'm-3' };
  assert.deepEqual(formatSnsNotification(record, CONTEXT).payload, { text: '{"AlarmName": "half an alarm"}' });
});

test('plain messages without a body still carry text', () => {
  assert.deepEqual(plainSlackMessage(undefined, ''), { text: '(empty message)' });
  assert.deepEqual(plainSlackMessage('Heads up', ''), { text: '*Heads up*\n(empty message)' });
});

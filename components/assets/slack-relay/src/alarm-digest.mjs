// The daily digest of low-severity alarms: one Slack message that lists every low alarm of the stack that went to
// ALARM in the last day, instead of a message per state change. A day without any sends nothing.
import { stateChanges } from './alarm-history.mjs';
import { logJsonLine, sleepFor } from './lambda-io.mjs';
import { escapeMrkdwn, truncate } from './mrkdwn.mjs';
import { postToSlack } from './post-to-slack.mjs';
import { createWebhookUrls, webhookSecretFor } from './webhook-urls.mjs';

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * @param {object} dependencies
 * @param {Record<string, string|undefined>} dependencies.env  LOW_ALARM_NAMES (JSON list, required), STACK_NAME,
 *   SLACK_WEBHOOK_SECRET_ARN / SLACK_WEBHOOK_SECRET_ARNS (the low channel, as the relay reads them).
 * @param {import('@aws-sdk/client-cloudwatch').CloudWatchClient} dependencies.cloudWatch
 * @param {{ getSecretValue(secretId: string): Promise<string> }} dependencies.secretsClient
 * @param {() => Date} [dependencies.now]  Default: the system clock.
 * @returns {(event: object) => Promise<{ alarms: number, posted: boolean }>} the Lambda handler. It throws when
 *   Slack or AWS keeps failing, so Lambda retries the run and then sends it to the dead-letter queue.
 */
export function createDigest({ env, cloudWatch, secretsClient, now = () => new Date(), fetchImpl = fetch, sleep = sleepFor, log = logJsonLine, retry = {} }) {
  const webhookUrl = createWebhookUrls(secretsClient);

  return async function handler() {
    const alarmNames = lowAlarmNames(env);
    const end = now();
    const start = new Date(end.getTime() - DAY_MS);
    const alarms = summarize(await stateChanges(cloudWatch, alarmNames, { start, end }));
    if (alarms.length === 0) {
      log('info', 'no low-severity alarm in the last day; nothing posted', { watched: alarmNames.length });
      return { alarms: 0, posted: false };
    }
    const url = await webhookUrl(webhookSecretFor(env, 'low'));
    const { attempts } = await postToSlack(url, digestMessage(alarms, { stackName: env.STACK_NAME, start, end }), { fetchImpl, sleep, log, ...retry });
    log('info', 'digest posted to Slack', { alarms: alarms.length, attempts });
    return { alarms: alarms.length, posted: true };
  };
}

function lowAlarmNames(env) {
  let names;
  try {
    names = JSON.parse(env.LOW_ALARM_NAMES ?? '');
  } catch {
    names = undefined;
  }
  if (!Array.isArray(names) || !names.every((name) => typeof name === 'string')) {
    throw new Error('LOW_ALARM_NAMES must be a JSON list of alarm names');
  }
  return names;
}

/** Per alarm that went to ALARM: how often, when last, why, and the state it ended the day in. */
export function summarize(changes) {
  const byAlarm = new Map();
  for (const change of changes) {
    const entry = byAlarm.get(change.alarmName) ?? { alarmName: change.alarmName, alarmCount: 0, lastAlarm: undefined, state: undefined };
    if (change.newState === 'ALARM') {
      entry.alarmCount += 1;
      entry.lastAlarm = change;
    }
    entry.state = change.newState;
    byAlarm.set(change.alarmName, entry);
  }
  return [...byAlarm.values()].filter((entry) => entry.alarmCount > 0);
}

export function digestMessage(alarms, { stackName, start, end }) {
  const title = `*Daily digest of low-severity alarms${stackName ? ` for ${escapeMrkdwn(stackName)}` : ''}*`;
  const window = `${start.toISOString()} to ${end.toISOString()}: ${alarms.length} alarm${alarms.length === 1 ? '' : 's'} went to ALARM`;
  const lines = alarms.map(({ alarmName, alarmCount, lastAlarm, state }) =>
    `• *${escapeMrkdwn(alarmName)}*: ${alarmCount}× ALARM, last at ${lastAlarm.at.toISOString()}, now ${escapeMrkdwn(state)}. ${escapeMrkdwn(truncate(lastAlarm.reason, 300))}`);
  return { text: [title, window, ...lines].join('\n') };
}

// The handler logic, with its collaborators passed in: index.mjs wires the real ones,
// tests pass a fake secrets client, a recording sleep and a local "Slack".
import { formatSnsNotification, severityFromTopicArn } from './slack-message.mjs';
import { postToSlack } from './post-to-slack.mjs';
import { createWebhookUrls, webhookSecretFor } from './webhook-urls.mjs';
import { logJsonLine, sleepFor } from './lambda-io.mjs';

/**
 * @param {object} dependencies
 * @param {Record<string, string|undefined>} dependencies.env  SLACK_WEBHOOK_SECRET_ARN (the fallback channel),
 *   SLACK_WEBHOOK_SECRET_ARNS (optional, per severity), DASHBOARD_NAME (optional), AWS_REGION.
 * @param {{ getSecretValue(secretId: string): Promise<string> }} dependencies.secretsClient
 * @param {typeof fetch} [dependencies.fetchImpl]  Default: global fetch.
 * @param {(ms: number) => Promise<void>} [dependencies.sleep]  Default: a timer.
 * @param {(level: string, message: string, fields?: object) => void} [dependencies.log]  Default: JSON lines on the console.
 * @param {object} [dependencies.retry]  Overrides for DEFAULT_RETRY in post-to-slack.mjs.
 * @returns {(event: object) => Promise<{ relayed: number }>} the Lambda handler.
 */
export function createRelay({ env, secretsClient, fetchImpl = fetch, sleep = sleepFor, log = logJsonLine, retry = {} }) {
  const webhookUrl = createWebhookUrls(secretsClient); // one read per cold start and secret

  return async function handler(event) {
    const records = (event?.Records ?? []).filter((record) => record?.Sns);
    if (records.length === 0) throw new Error('the event holds no SNS records');
    for (const { Sns: sns } of records) {
      const url = await webhookUrl(webhookSecretFor(env, severityFromTopicArn(sns.TopicArn)));
      const { payload, summary } = formatSnsNotification(sns, { dashboardName: env.DASHBOARD_NAME, lambdaRegion: env.AWS_REGION });
      const { attempts } = await postToSlack(url, payload, { fetchImpl, sleep, log, ...retry });
      log('info', 'relayed to Slack', { messageId: sns.MessageId, ...summary, attempts });
    }
    return { relayed: records.length };
  };
}

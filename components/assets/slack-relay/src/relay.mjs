// The handler logic, with its collaborators passed in: index.mjs wires the real ones,
// tests pass a fake secrets client, a recording sleep and a local "Slack".
import { formatSnsNotification } from './slack-message.mjs';
import { postToSlack } from './post-to-slack.mjs';
import { parseWebhookSecret } from './webhook-secret.mjs';

/**
 * @param {object} dependencies
 * @param {Record<string, string|undefined>} dependencies.env  SLACK_WEBHOOK_SECRET_ARN (required),
 *   DASHBOARD_NAME (optional), AWS_REGION.
 * @param {{ getSecretValue(secretId: string): Promise<string> }} dependencies.secretsClient
 * @param {typeof fetch} [dependencies.fetchImpl]  Default: global fetch.
 * @param {(ms: number) => Promise<void>} [dependencies.sleep]  Default: a timer.
 * @param {(level: string, message: string, fields?: object) => void} [dependencies.log]  Default: JSON lines on the console.
 * @param {object} [dependencies.retry]  Overrides for DEFAULT_RETRY in post-to-slack.mjs.
 * @returns {(event: object) => Promise<{ relayed: number }>} the Lambda handler.
 */
export function createRelay({ env, secretsClient, fetchImpl = fetch, sleep = sleepFor, log = logJsonLine, retry = {} }) {
  let webhookUrl; // one read per cold start: the promise is shared by every invocation of this instance

  function readWebhookUrl() {
    if (!webhookUrl) {
      const secretId = env.SLACK_WEBHOOK_SECRET_ARN;
      webhookUrl = secretId
        ? secretsClient.getSecretValue(secretId).then(parseWebhookSecret)
        : Promise.reject(new Error('SLACK_WEBHOOK_SECRET_ARN is not set'));
      // A failed read must not stick to a warm instance: forget it so the SNS retry reads again.
      webhookUrl.catch(() => { webhookUrl = undefined; });
    }
    return webhookUrl;
  }

  return async function handler(event) {
    const records = (event?.Records ?? []).filter((record) => record?.Sns);
    if (records.length === 0) throw new Error('the event holds no SNS records');
    const url = await readWebhookUrl();
    for (const { Sns: sns } of records) {
      const { payload, summary } = formatSnsNotification(sns, { dashboardName: env.DASHBOARD_NAME, lambdaRegion: env.AWS_REGION });
      const { attempts } = await postToSlack(url, payload, { fetchImpl, sleep, log, ...retry });
      log('info', 'relayed to Slack', { messageId: sns.MessageId, ...summary, attempts });
    }
    return { relayed: records.length };
  };
}

function sleepFor(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function logJsonLine(level, message, fields = {}) {
  const line = JSON.stringify({ level, message, ...fields });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}

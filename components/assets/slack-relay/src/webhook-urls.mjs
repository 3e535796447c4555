// Which Slack webhook a notification goes to, read from Secrets Manager once per cold start and secret.
import { parseWebhookSecret } from './webhook-secret.mjs';

/**
 * The secret of a severity: SLACK_WEBHOOK_SECRET_ARNS (JSON {"critical": "<arn>", ...}) names the severities with a
 * channel of their own; every other severity falls back to SLACK_WEBHOOK_SECRET_ARN.
 * @returns {string} the secret's ARN; throws naming the variable to set when there is none.
 */
export function webhookSecretFor(env, severity) {
  const bySeverity = env.SLACK_WEBHOOK_SECRET_ARNS ? parseSecretMap(env.SLACK_WEBHOOK_SECRET_ARNS) : {};
  const secretId = (severity && bySeverity[severity]) || env.SLACK_WEBHOOK_SECRET_ARN;
  if (!secretId) throw new Error('SLACK_WEBHOOK_SECRET_ARN is not set');
  return secretId;
}

function parseSecretMap(text) {
  try {
    const map = JSON.parse(text);
    if (map && typeof map === 'object' && !Array.isArray(map)) return map;
  } catch {
    // named below
  }
  throw new Error('SLACK_WEBHOOK_SECRET_ARNS must be JSON {"<severity>": "<secret ARN>"}');
}

/**
 * @param {{ getSecretValue(secretId: string): Promise<string> }} secretsClient
 * @returns {(secretId: string) => Promise<string>} the webhook URL a secret holds; the promise is shared by every
 *   invocation of a warm instance, and a failed read is forgotten so the next invocation reads again.
 */
export function createWebhookUrls(secretsClient) {
  const urls = new Map();
  return function webhookUrl(secretId) {
    if (!urls.has(secretId)) {
      const url = secretsClient.getSecretValue(secretId).then(parseWebhookSecret);
      urls.set(secretId, url);
      url.catch(() => urls.delete(secretId));
    }
    return urls.get(secretId);
  };
}

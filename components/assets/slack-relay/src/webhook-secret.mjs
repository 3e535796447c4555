// The webhook secret may hold the bare URL or {"url": "..."}; both are common ways to store it.
// Error messages never echo the secret, because Lambda logs whatever the handler throws.

export const NOT_A_WEBHOOK_URL = 'the Slack webhook secret must be the webhook URL or JSON {"url": "<webhook URL>"}';

/** @returns {string} the webhook URL held by the secret. */
export function parseWebhookSecret(secretString) {
  const trimmed = secretString.trim();
  const candidate = trimmed.startsWith('{') ? urlFromJson(trimmed) : trimmed;
  if (!isAbsoluteHttpUrl(candidate)) throw new Error(NOT_A_WEBHOOK_URL);
  return candidate;
}

function urlFromJson(text) {
  try {
    const { url } = JSON.parse(text);
    return typeof url === 'string' ? url.trim() : undefined;
  } catch {
    return undefined;
  }
}

function isAbsoluteHttpUrl(candidate) {
  if (!candidate) return false;
  try {
    const { protocol } = new URL(candidate);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

// Posts one message to the webhook. Throttling (429), server errors (5xx), timeouts and network
// errors are retried with exponential backoff; anything else, or running out of attempts, throws
// so the Lambda invocation fails and SNS's own delivery retries take over.
// Nothing here logs or throws the webhook URL: its path is the credential.

/** Defaults chosen so the worst case (4 timeouts plus 3 capped waits) stays under a 60 s Lambda timeout. */
export const DEFAULT_RETRY = Object.freeze({ maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 10_000, timeoutMs: 5000 });

/**
 * @param {string} webhookUrl
 * @param {object} payload  The Slack message body.
 * @param {object} options
 * @param {(ms: number) => Promise<void>} options.sleep  Waits between attempts (injected so tests need no real time).
 * @param {(level: string, message: string, fields: object) => void} options.log
 * @param {typeof fetch} [options.fetchImpl]  Default: global fetch.
 * @param {number} [options.maxAttempts]  Default: 4.
 * @param {number} [options.baseDelayMs]  First backoff; doubles per attempt. Default: 1000.
 * @param {number} [options.maxDelayMs]  Cap on any wait, Retry-After included. Default: 10000.
 * @param {number} [options.timeoutMs]  Per-attempt timeout. Default: 5000.
 * @param {(ms: number) => AbortSignal} [options.deadline]  The signal that ends an attempt after timeoutMs
 *   (injected, like sleep, so tests need no real time). Default: AbortSignal.timeout.
 * @returns {Promise<{ attempts: number }>}
 */
export async function postToSlack(webhookUrl, payload, { sleep, log, fetchImpl = fetch, deadline = AbortSignal.timeout, ...overrides }) {
  const { maxAttempts, baseDelayMs, maxDelayMs, timeoutMs } = { ...DEFAULT_RETRY, ...overrides };
  const body = JSON.stringify(payload);
  let failure;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    failure = await attemptPost(fetchImpl, webhookUrl, body, deadline, timeoutMs);
    if (!failure) return { attempts: attempt };
    if (!failure.retryable) throw new Error(`Slack webhook rejected the message: ${failure.description}`);
    if (attempt < maxAttempts) {
      const delayMs = Math.min(failure.retryAfterMs ?? baseDelayMs * 2 ** (attempt - 1), maxDelayMs);
      log('warn', 'Slack post failed, retrying', { attempt, failure: failure.description, delayMs });
      await sleep(delayMs);
    }
  }
  const attempts = maxAttempts === 1 ? '1 attempt' : `${maxAttempts} attempts`;
  throw new Error(`Slack webhook still failing after ${attempts}: ${failure.description}`);
}

/** @returns {Promise<undefined | { retryable: boolean, description: string, retryAfterMs?: number }>} undefined on success. */
async function attemptPost(fetchImpl, webhookUrl, body, deadline, timeoutMs) {
  let response;
  try {
    response = await fetchImpl(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: deadline(timeoutMs),
    });
  } catch (error) {
    return { retryable: true, description: describeNetworkError(error, timeoutMs) };
  }
  const responseText = await response.text().catch(() => '');
  if (response.ok) return undefined;

  const description = `HTTP ${response.status}${slackErrorCode(responseText)}`;
  const retryable = response.status === 429 || response.status >= 500;
  return { retryable, description, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
}

// Only the delta-seconds form; an HTTP-date Retry-After falls back to backoff.
function retryAfterMs(header) {
  return header && /^\d+$/.test(header.trim()) ? Number(header.trim()) * 1000 : undefined;
}

// Slack answers errors with a short code such as invalid_payload; anything longer (an HTML error
// page from a proxy, say) is left out, since it could quote the request.
function slackErrorCode(text) {
  const trimmed = text.trim();
  return /^[a-z0-9_]{1,64}$/.test(trimmed) ? ` ${trimmed}` : '';
}

function describeNetworkError(error, timeoutMs) {
  if (error?.name === 'TimeoutError') return `timed out after ${timeoutMs} ms`;
  return `network error ${error?.cause?.code ?? error?.name ?? 'unknown'}`;
}

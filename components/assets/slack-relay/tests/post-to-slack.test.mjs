import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_RETRY, postToSlack } from '../src/post-to-slack.mjs';
import { NO_REPLY, recordingSleep, refusedUrl, startScriptedServer } from './scripted-server.mjs';

const WEBHOOK_PATH = '/services/T000/B000/SECRETPATH';
const PAYLOAD = { text: 'hello' };

async function postAgainst(replies, options = {}, onRequest = undefined) {
  const server = await startScriptedServer(replies, onRequest);
  const { sleep, delays } = recordingSleep();
  const logged = [];
  const log = (level, message, fields) => logged.push({ level, message, fields });
  try {
    const outcome = await postToSlack(server.url(WEBHOOK_PATH), PAYLOAD, { sleep, log, ...options })
      .then((result) => ({ result }), (error) => ({ error }));
    return { ...outcome, requests: server.requests, delays, logged };
  } finally {
    await server.close();
  }
}

test('defaults: four attempts, 1 s doubling backoff capped at 10 s, 5 s per attempt', () => {
  assert.deepEqual({ ...DEFAULT_RETRY }, { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 10_000, timeoutMs: 5000 });
});

test('posts the payload as JSON to the webhook and succeeds on the first 200', async () => {
  const { result, requests, delays } = await postAgainst([{ status: 200, body: 'ok' }]);
  assert.deepEqual(result, { attempts: 1 });
  assert.equal(requests.length, 1);
  assert.equal(requests[0].method, 'POST');
  assert.equal(requests[0].path, WEBHOOK_PATH);
  assert.equal(requests[0].headers['content-type'], 'application/json');
  assert.deepEqual(JSON.parse(requests[0].body), PAYLOAD);
  assert.deepEqual(delays, []);
});

test('429 then success honours Retry-After seconds', async () => {
  const { result, requests, delays, logged } = await postAgainst([
    { status: 429, headers: { 'retry-after': '3' }, body: 'rate_limited' },
    { status: 200, body: 'ok' },
  ]);
  assert.deepEqual(result, { attempts: 2 });
  assert.equal(requests.length, 2);
  assert.deepEqual(delays, [3000]);
  assert.deepEqual(logged, [{ level: 'warn', message: 'Slack post failed, retrying', fields: { attempt: 1, failure: 'HTTP 429 rate_limited', delayMs: 3000 } }]);
});

test('Retry-After is capped at maxDelayMs, and an HTTP-date Retry-After falls back to backoff', async () => {
  const { result, delays } = await postAgainst([
    { status: 429, headers: { 'retry-after': '120' } },
    { status: 429, headers: { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' } },
    { status: 200 },
  ]);
  assert.deepEqual(result, { attempts: 3 });
  assert.deepEqual(delays, [10_000, 2000]);
});

test('5xx responses back off exponentially and the message goes through when Slack recovers', async () => {
  const { result, delays } = await postAgainst([{ status: 503 }, { status: 502 }, { status: 200 }]);
  assert.deepEqual(result, { attempts: 3 });
  assert.deepEqual(delays, [1000, 2000]);
});

test('a permanent 4xx throws at once, naming the status and Slack error code', async () => {
  const { error, requests, delays } = await postAgainst([{ status: 400, body: 'invalid_payload' }]);
  assert.equal(error.message, 'Slack webhook rejected the message: HTTP 400 invalid_payload');
  assert.equal(requests.length, 1);
  assert.deepEqual(delays, []);
});

test('a 404 with a long body names only the status', async () => {
  const { error } = await postAgainst([{ status: 404, body: '<html>Not found: /services/T000/B000/SECRETPATH</html>' }]);
  assert.equal(error.message, 'Slack webhook rejected the message: HTTP 404');
});

test('5xx until attempts run out throws, naming the attempts and last status', async () => {
  const { error, requests, delays } = await postAgainst([{ status: 500 }, { status: 503, body: 'service_unavailable' }]);
  assert.equal(error.message, 'Slack webhook still failing after 4 attempts: HTTP 503 service_unavailable');
  assert.equal(requests.length, 4);
  assert.deepEqual(delays, [1000, 2000, 4000]);
});

test('maxAttempts and baseDelayMs can be overridden', async () => {
  const { error, requests, delays } = await postAgainst([{ status: 500 }], { maxAttempts: 2, baseDelayMs: 50 });
  assert.equal(error.message, 'Slack webhook still failing after 2 attempts: HTTP 500');
  assert.equal(requests.length, 2);
  assert.deepEqual(delays, [50]);
});

test('connection errors are retried and reported by code', async () => {
  const { sleep, delays } = recordingSleep();
  const url = await refusedUrl(WEBHOOK_PATH);
  await assert.rejects(postToSlack(url, PAYLOAD, { sleep, log: () => {}, maxAttempts: 3 }), {
    message: 'Slack webhook still failing after 3 attempts: network error ECONNREFUSED',
  });
  assert.deepEqual(delays, [1000, 2000]);
});

test('an attempt that gets no answer times out', async () => {
  // The deadline passes once the request has reached the server: what a real timeout does, without real time.
  const deadline = new AbortController();
  const { error, requests } = await postAgainst([NO_REPLY], { maxAttempts: 1, timeoutMs: 50, deadline: () => deadline.signal },
    () => deadline.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')));
  assert.equal(error.message, 'Slack webhook still failing after 1 attempt: timed out after 50 ms');
  assert.equal(requests.length, 1);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NOT_A_WEBHOOK_URL, parseWebhookSecret } from '../src/webhook-secret.mjs';

const WEBHOOK = 'https://hooks.slack.com/services/T000/B000/XXXXSECRET';

test('a bare URL is the webhook, surrounding whitespace ignored', () => {
  assert.equal(parseWebhookSecret(`  ${WEBHOOK}\n`), WEBHOOK);
});

test('JSON with a url field is the webhook', () => {
  assert.equal(parseWebhookSecret(JSON.stringify({ url: WEBHOOK, channel: '#alerts' })), WEBHOOK);
});

test('the exact message for unusable secrets, which never repeats the secret', () => {
  const unusable = ['not a url', '{"webhook": "https://hooks.slack.com/services/T/B/SECRETX"}', '{"url": 42}', '{broken json', '', 'ftp://hooks.slack.com/SECRETX'];
  for (const secret of unusable) {
    assert.throws(() => parseWebhookSecret(secret), (error) => {
      assert.equal(error.message, NOT_A_WEBHOOK_URL);
      assert.ok(!error.message.includes('SECRETX'));
      return true;
    }, `secret ${JSON.stringify(secret)}`);
  }
  assert.equal(NOT_A_WEBHOOK_URL, 'the Slack webhook secret must be the webhook URL or JSON {"url": "<webhook URL>"}');
});

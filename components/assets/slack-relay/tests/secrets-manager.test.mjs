import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSecretsManagerClient, credentialsFromEnv } from '../src/secrets-manager.mjs';
import { signRequest } from '../src/sigv4.mjs';
import { startScriptedServer } from './scripted-server.mjs';

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:alerting/slack-AbCdEf';
const LAMBDA_ENV = {
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'example-secret-key',
  AWS_SESSION_TOKEN: 'example-session-token',
};
const FIXED_NOW = () => new Date('2024-01-02T03:04:05Z');

async function withSecretsManager(replies, body) {
  const server = await startScriptedServer(replies);
  try {
    const client = createSecretsManagerClient({ env: LAMBDA_ENV, endpoint: server.url('/'), now: FIXED_NOW });
    return await body(client, server);
  } finally {
    await server.close();
  }
}

test('GetSecretValue is a signed JSON POST and resolves to the SecretString', async () => {
  await withSecretsManager([{ status: 200, body: JSON.stringify({ ARN: SECRET_ARN, SecretString: 'https://hooks.example/T/B/X' }) }], async (client, server) => {
    assert.equal(await client.getSecretValue(SECRET_ARN), 'https://hooks.example/T/B/X');

    const [request] = server.requests;
    assert.equal(request.method, 'POST');
    assert.equal(request.path, '/');
    assert.equal(request.headers['content-type'], 'application/x-amz-json-1.1');
    assert.equal(request.headers['x-amz-target'], 'secretsmanager.GetSecretValue');
    assert.equal(request.headers['x-amz-date'], '20240102T030405Z');
    assert.equal(request.headers['x-amz-security-token'], 'example-session-token');
    assert.deepEqual(JSON.parse(request.body), { SecretId: SECRET_ARN });

    // The signature must cover the Host header fetch actually sent.
    const expected = signRequest({
      method: 'POST',
      url: `http://${request.headers.host}/`,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'secretsmanager.GetSecretValue' },
      body: request.body,
      region: 'eu-west-1',
      service: 'secretsmanager',
      credentials: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'example-secret-key', sessionToken: 'example-session-token' },
      now: FIXED_NOW(),
    });
    assert.equal(request.headers.authorization, expected.authorization);
    assert.match(request.headers.authorization,
      /^AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE\/20240102\/eu-west-1\/secretsmanager\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=[0-9a-f]{64}$/);
  });
});

test('an AWS error response rejects with its status, type and message', async () => {
  const error = { __type: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." };
  await withSecretsManager([{ status: 400, body: JSON.stringify(error) }], async (client) => {
    await assert.rejects(client.getSecretValue(SECRET_ARN), {
      message: "Secrets Manager GetSecretValue failed: HTTP 400 ResourceNotFoundException: Secrets Manager can't find the specified secret.",
    });
  });
});

test('an error response without a JSON body rejects with the status alone', async () => {
  await withSecretsManager([{ status: 503, body: 'Service Unavailable' }], async (client) => {
    await assert.rejects(client.getSecretValue(SECRET_ARN), { message: 'Secrets Manager GetSecretValue failed: HTTP 503' });
  });
});

test('a binary secret is refused with the fix', async () => {
  await withSecretsManager([{ status: 200, body: JSON.stringify({ ARN: SECRET_ARN, SecretBinary: 'aGk=' }) }], async (client) => {
    await assert.rejects(client.getSecretValue(SECRET_ARN), {
      message: 'Secrets Manager returned no SecretString: store the webhook as a string secret',
    });
  });
});

test('the default endpoint is the regional Secrets Manager endpoint', async () => {
  const calledUrls = [];
  const fetchImpl = async (url) => {
    calledUrls.push(url);
    return new Response(JSON.stringify({ SecretString: 'value' }), { status: 200 });
  };
  const client = createSecretsManagerClient({ env: LAMBDA_ENV, fetchImpl, now: FIXED_NOW });
  assert.equal(await client.getSecretValue(SECRET_ARN), 'value');
  assert.deepEqual(calledUrls, ['https://secretsmanager.eu-west-1.amazonaws.com/']);
});

test('missing region or credentials are named before any request', async () => {
  const fetchImpl = async () => assert.fail('no request expected');
  const noRegion = createSecretsManagerClient({ env: { ...LAMBDA_ENV, AWS_REGION: undefined }, fetchImpl });
  await assert.rejects(noRegion.getSecretValue(SECRET_ARN), { message: 'AWS_REGION is not set' });
  const noKeys = createSecretsManagerClient({ env: { AWS_REGION: 'eu-west-1' }, fetchImpl });
  await assert.rejects(noKeys.getSecretValue(SECRET_ARN), {
    message: 'AWS credentials are missing: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
  });
});

test('credentialsFromEnv reads the three Lambda variables', () => {
  assert.deepEqual(credentialsFromEnv(LAMBDA_ENV), {
    accessKeyId: 'ASIAEXAMPLE',
    secretAccessKey: 'example-secret-key',
    sessionToken: 'example-session-token',
  });
});

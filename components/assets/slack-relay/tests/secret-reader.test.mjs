import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createSecretReader } from '../src/secret-reader.mjs';
import { AWS } from './aws.mjs';
import { startScriptedServer } from './scripted-server.mjs';

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:alerting/slack-AbCdEf';
const json = (status, body) => ({ status, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify(body) });

async function withSecretsManager(replies, body) {
  const server = await startScriptedServer(replies);
  try {
    const reader = createSecretReader(new SecretsManagerClient({ ...AWS, endpoint: server.url('/') }));
    return await body(reader, server);
  } finally {
    await server.close();
  }
}

test('GetSecretValue is a signed JSON POST of the runtime SDK and resolves to the SecretString', async () => {
  await withSecretsManager([json(200, { ARN: SECRET_ARN, SecretString: 'https://hooks.example/T/B/X' })], async (reader, server) => {
    assert.equal(await reader.getSecretValue(SECRET_ARN), 'https://hooks.example/T/B/X');

    const [request] = server.requests;
    assert.equal(request.method, 'POST');
    assert.equal(request.path, '/');
    assert.equal(request.headers['x-amz-target'], 'secretsmanager.GetSecretValue');
    assert.deepEqual(JSON.parse(request.body), { SecretId: SECRET_ARN });
    assert.match(request.headers.authorization,
      /^AWS4-HMAC-SHA256 Credential=AKIDSLACKRELAYTEST\/\d{8}\/eu-west-1\/secretsmanager\/aws4_request, SignedHeaders=.*x-amz-target.*, Signature=[0-9a-f]{64}$/);
  });
});

test('an AWS error response rejects with its status, type and message', async () => {
  const error = { __type: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." };
  await withSecretsManager([json(400, error)], async (reader) => {
    await assert.rejects(reader.getSecretValue(SECRET_ARN), {
      message: "Secrets Manager GetSecretValue failed: HTTP 400 ResourceNotFoundException: Secrets Manager can't find the specified secret.",
    });
  });
});

test('a binary secret is refused with the fix', async () => {
  await withSecretsManager([json(200, { ARN: SECRET_ARN, SecretBinary: 'aGk=' })], async (reader) => {
    await assert.rejects(reader.getSecretValue(SECRET_ARN), {
      message: 'Secrets Manager returned no SecretString: store the webhook as a string secret',
    });
  });
});

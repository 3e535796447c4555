// A one-call Secrets Manager client (GetSecretValue over the JSON protocol), signed with the
// function's own credentials, so the Lambda needs neither the SDK nor an extension layer.
import { signRequest } from './sigv4.mjs';

/**
 * @param {object} options
 * @param {Record<string, string|undefined>} options.env  Read at call time: AWS_REGION, AWS_ACCESS_KEY_ID,
 *   AWS_SECRET_ACCESS_KEY and (in Lambda, always) AWS_SESSION_TOKEN.
 * @param {string} [options.endpoint]  Default: https://secretsmanager.<AWS_REGION>.amazonaws.com/
 * @param {typeof fetch} [options.fetchImpl]  Default: global fetch.
 * @param {() => Date} [options.now]  Default: the system clock.
 * @param {number} [options.timeoutMs]  Per-request timeout. Default: 5000.
 * @returns {{ getSecretValue(secretId: string): Promise<string> }}  Resolves to the SecretString.
 */
export function createSecretsManagerClient({ env, endpoint, fetchImpl = fetch, now = () => new Date(), timeoutMs = 5000 }) {
  return {
    async getSecretValue(secretId) {
      const region = requireRegion(env);
      const url = endpoint ?? `https://secretsmanager.${region}.amazonaws.com/`;
      const body = JSON.stringify({ SecretId: secretId });
      const headers = signRequest({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'secretsmanager.GetSecretValue' },
        body,
        region,
        service: 'secretsmanager',
        credentials: credentialsFromEnv(env),
        now: now(),
      });

      const response = await fetchImpl(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
      const text = await response.text();
      if (!response.ok) {
        throw new Error(`Secrets Manager GetSecretValue failed: HTTP ${response.status}${describeAwsError(text)}`);
      }
      const secretString = JSON.parse(text).SecretString;
      if (typeof secretString !== 'string') {
        throw new Error('Secrets Manager returned no SecretString: store the webhook as a string secret');
      }
      return secretString;
    },
  };
}

/** The Lambda runtime puts the execution role's temporary credentials in these variables. */
export function credentialsFromEnv(env) {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
  if (!accessKeyId || !secretAccessKey) {
    throw new Error('AWS credentials are missing: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
  }
  return { accessKeyId, secretAccessKey, sessionToken };
}

function requireRegion(env) {
  if (!env.AWS_REGION) throw new Error('AWS_REGION is not set');
  return env.AWS_REGION;
}

// AWS JSON errors carry {"__type": "...#ResourceNotFoundException", "message": "..."}; neither holds the secret value.
function describeAwsError(text) {
  try {
    const { __type: type, message, Message } = JSON.parse(text);
    const parts = [type?.split('#').pop(), message ?? Message].filter(Boolean);
    return parts.length ? ` ${parts.join(': ')}` : '';
  } catch {
    return '';
  }
}

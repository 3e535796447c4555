// GetSecretValue through the Lambda runtime's AWS SDK v3: the client signs with the function's own credentials and
// finds the regional endpoint itself. Error messages name the call and the AWS error, never the secret's value.
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * @param {SecretsManagerClient} [client]  Default: a client of the function's region (AWS_REGION).
 * @returns {{ getSecretValue(secretId: string): Promise<string> }}  Resolves to the SecretString.
 */
export function createSecretReader(client = new SecretsManagerClient({})) {
  return {
    async getSecretValue(secretId) {
      let response;
      try {
        response = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
      } catch (error) {
        throw new Error(`Secrets Manager GetSecretValue failed: ${describeAwsError(error)}`);
      }
      if (typeof response.SecretString !== 'string') {
        throw new Error('Secrets Manager returned no SecretString: store the webhook as a string secret');
      }
      return response.SecretString;
    },
  };
}

// "HTTP 400 ResourceNotFoundException: <message>"; a transport error has no status and keeps its own name.
function describeAwsError(error) {
  const status = error?.$metadata?.httpStatusCode;
  const parts = [status ? `HTTP ${status}` : undefined, [error?.name, error?.message].filter(Boolean).join(': ')];
  return parts.filter(Boolean).join(' ');
}

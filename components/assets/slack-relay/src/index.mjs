// Lambda entry point (runtime nodejs22.x, handler "index.handler"). Module scope lives as long
// as the execution environment, so the relay built here reads the webhook secret once per cold start.
import { createRelay } from './relay.mjs';
import { createSecretsManagerClient } from './secrets-manager.mjs';

export const handler = createRelay({
  env: process.env,
  secretsClient: createSecretsManagerClient({ env: process.env }),
});

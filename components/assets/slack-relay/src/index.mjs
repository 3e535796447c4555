// Lambda entry point of the relay (runtime nodejs22.x, handler "index.handler"). Module scope lives as long as the
// execution environment, so the relay built here reads each webhook secret once per cold start.
import { createRelay } from './relay.mjs';
import { createSecretReader } from './secret-reader.mjs';

export const handler = createRelay({
  env: process.env,
  secretsClient: createSecretReader(),
});

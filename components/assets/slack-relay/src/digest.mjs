// Lambda entry point of the daily digest (runtime nodejs22.x, handler "digest.handler"), run by an EventBridge
// schedule. The clients are the runtime's AWS SDK v3, in the function's region.
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { createDigest } from './alarm-digest.mjs';
import { createSecretReader } from './secret-reader.mjs';

export const handler = createDigest({
  env: process.env,
  cloudWatch: new CloudWatchClient({}),
  secretsClient: createSecretReader(),
});

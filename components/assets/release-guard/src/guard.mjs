// The Lambda's handler (runtime nodejs22.x, "index.handler" through index.mjs), built from the runtime's own AWS SDK
// clients: region and credentials from the function's environment, nothing bundled.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { SNSClient } from '@aws-sdk/client-sns';
import { createGuard } from './release-guard.mjs';

export const handler = createGuard({
  env: process.env,
  dynamodb: new DynamoDBClient({}),
  elbv2: new ElasticLoadBalancingV2Client({}),
  sns: new SNSClient({}),
});

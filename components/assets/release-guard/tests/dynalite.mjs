// The ledger's DynamoDB for the tests: tools/dynalite/server.mjs (in memory, 127.0.0.1, a port the OS picks) in a
// child process that exits when its stdin closes, so it never outlives the test run; and the stack's table with the
// key schema the stack declares (ledger/README.md).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { AWS } from './aws.mjs';

const TOOL = fileURLToPath(new URL('../../../../tools/dynalite/', import.meta.url));

/** @returns {Promise<{ endpoint: string, client(): DynamoDBClient, createLedgerTable(table: string): Promise<void>, stop(): Promise<void> }>} */
export async function startDynalite() {
  if (!existsSync(`${TOOL}node_modules/dynalite/package.json`)) {
    throw new Error(`the DynamoDB-compatible test server is not installed (${TOOL}node_modules is missing); run ./build.sh test, which installs it from its lock file before the suites that need it, or install only it with npm ci --prefix tools/dynalite --ignore-scripts`);
  }
  const server = spawn(process.execPath, ['server.mjs'], { cwd: TOOL, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const [line] = await Promise.race([
    createInterface({ input: server.stdout })[Symbol.asyncIterator]().next().then(({ value }) => [value]),
    exited.then((code) => { throw new Error(`tools/dynalite/server.mjs exited (${code}) before printing its port`); }),
  ]);
  const port = Number(line);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`tools/dynalite/server.mjs printed '${line}' instead of its port`);
  const endpoint = `http://127.0.0.1:${port}`;
  const client = () => new DynamoDBClient({ ...AWS, endpoint });
  return {
    endpoint,
    client,
    async createLedgerTable(table) {
      await client().send(new CreateTableCommand({
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
      }));
      // dynalite turns a table ACTIVE on its next timer tick; until then its items "do not exist", as on AWS.
      while ((await client().send(new DescribeTableCommand({ TableName: table }))).Table.TableStatus !== 'ACTIVE');
    },
    async stop() {
      server.stdin.end();
      await exited;
    },
  };
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
// What the Node.js 22 Lambda runtime provides besides Node itself; nothing else is deployed with the code.
const RUNTIME_PACKAGES = ['@aws-sdk/client-dynamodb', '@aws-sdk/client-elastic-load-balancing-v2', '@aws-sdk/client-sns'];

test('the deployed folder (src/) holds only the function\'s modules: no node_modules, no tests, no other files', () => {
  const entries = readdirSync(SRC, { withFileTypes: true });
  assert.deepEqual(entries.filter((entry) => !entry.isFile()).map((entry) => entry.name), []);
  assert.deepEqual(entries.map((entry) => entry.name).filter((name) => !name.endsWith('.mjs') || name.endsWith('.test.mjs')), []);
  assert.equal(readFileSync(`${SRC}index.mjs`, 'utf8'), "export { handler } from './guard.mjs';\n");
});

test('the function imports only its own modules, Node built-ins and the runtime\'s AWS SDK clients', () => {
  const imported = new Set();
  for (const name of readdirSync(SRC)) {
    for (const [, specifier] of readFileSync(`${SRC}${name}`, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/g)) {
      if (!specifier.startsWith('./')) imported.add(specifier);
    }
  }
  const allowed = (specifier) => RUNTIME_PACKAGES.includes(specifier) ||
    (specifier.startsWith('node:') && builtinModules.includes(specifier.slice('node:'.length)));
  assert.deepEqual([...imported].filter((specifier) => !allowed(specifier)), []);
  assert.deepEqual([...imported].filter((specifier) => !specifier.startsWith('node:')).sort(), RUNTIME_PACKAGES);
});

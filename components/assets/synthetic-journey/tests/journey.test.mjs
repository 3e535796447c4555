import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import journeyScript from '../src/journey.js';

const { walk, originOf } = journeyScript;

// A loopback site answering each path with the status the test gives it, recording the order of requests.
async function site(statuses) {
  const requested = [];
  const server = createServer((request, response) => {
    requested.push(request.url);
    const status = statuses[request.url] ?? 404;
    response.writeHead(status, status === 302 ? { location: '/elsewhere' } : {});
    response.end('body');
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, requested, close: () => new Promise(resolve => server.close(resolve)) };
}

const steps = [];
const io = { fetch, step: async (name, run) => { steps.push(name); await run(); } };

test('a journey whose every step answers as expected passes, requesting the steps in order as named steps', async () => {
  const server = await site({ '/': 200, '/cart': 200, '/api/health?deep=1': 204 });
  steps.length = 0;
  try {
    await walk({ name: 'checkout', steps: [
      { path: '/', expectStatus: 200 }, { path: '/cart', expectStatus: 200 }, { path: '/api/health?deep=1', expectStatus: 204 },
    ] }, server.origin, io);
    assert.deepEqual(server.requested, ['/', '/cart', '/api/health?deep=1']);
    assert.deepEqual(steps, ['1 GET /', '2 GET /cart', '3 GET /api/health?deep=1']);
  } finally {
    await server.close();
  }
});

test('the first step answering another status fails the journey with the URL and both statuses, and later steps are not requested', async () => {
  const server = await site({ '/': 200, '/cart': 503, '/pay': 200 });
  try {
    await assert.rejects(
      walk({ name: 'checkout', steps: [
        { path: '/', expectStatus: 200 }, { path: '/cart', expectStatus: 200 }, { path: '/pay', expectStatus: 200 },
      ] }, server.origin, io),
      { message: `checkout: GET ${server.origin}/cart answered 503, expected 200` });
    assert.deepEqual(server.requested, ['/', '/cart']);
  } finally {
    await server.close();
  }
});

test('a redirect is a status to check, not followed', async () => {
  const server = await site({ '/old': 302 });
  try {
    await walk({ name: 'moved', steps: [{ path: '/old', expectStatus: 302 }] }, server.origin, io);
    assert.deepEqual(server.requested, ['/old']);
  } finally {
    await server.close();
  }
});

test('a server that is not there fails the journey', async () => {
  const server = await site({});
  await server.close();
  await assert.rejects(walk({ name: 'gone', steps: [{ path: '/', expectStatus: 200 }] }, server.origin, io), TypeError);
});

test('the origin is the journey\'s own, else JOURNEY_ORIGIN, else an error naming the journey', () => {
  assert.equal(originOf({ name: 'a', origin: 'https://shop.example.com' }, { JOURNEY_ORIGIN: 'http://other' }), 'https://shop.example.com');
  assert.equal(originOf({ name: 'a', origin: null }, { JOURNEY_ORIGIN: 'http://alb.example' }), 'http://alb.example');
  assert.throws(() => originOf({ name: 'a', origin: null }, {}),
    { message: 'a: no origin; the canary needs JOURNEY_ORIGIN when the journey has no URL' });
});

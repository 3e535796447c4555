// A real HTTP server on 127.0.0.1 that plays Slack (or Secrets Manager, or CloudWatch): it records every
// request and answers with the next scripted reply, repeating the last one. A reply may be a function of the
// request, for a stand-in that answers from its own data.
import { createServer } from 'node:http';

/** A reply that is never sent, to exercise client timeouts. */
export const NO_REPLY = Symbol('no reply');

/**
 * @param {Array<{ status: number, headers?: object, body?: string } | typeof NO_REPLY | ((request: object) => object)>} replies
 * @param {(request: object) => void} [onRequest]  Called with each request once it is recorded.
 * @returns {Promise<{ url(path: string): string, requests: object[], close(): Promise<void> }>}
 */
export async function startScriptedServer(replies, onRequest = () => {}) {
  const requests = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => { body += chunk; });
    request.on('end', () => {
      requests.push({ method: request.method, path: request.url, headers: request.headers, body });
      onRequest(requests.at(-1));
      const scripted = replies[Math.min(requests.length, replies.length) - 1];
      const reply = typeof scripted === 'function' ? scripted(requests.at(-1)) : scripted;
      if (reply === NO_REPLY) return;
      response.writeHead(reply.status, reply.headers ?? {});
      response.end(reply.body ?? '');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A URL on 127.0.0.1 where nothing listens, for connection-refused paths. */
export async function refusedUrl(path) {
  const server = await startScriptedServer([{ status: 200 }]);
  const url = server.url(path);
  await server.close();
  return url;
}

/** A sleep that records what it was asked to wait and returns at once. */
export function recordingSleep() {
  const delays = [];
  const sleep = async (ms) => { delays.push(ms); };
  return { sleep, delays };
}

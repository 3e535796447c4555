// A loopback stand-in for an AWS service spoken to in the Query protocol (ELBv2, SNS): it reads the signed,
// form-encoded POST the SDK sends, records the action and its parameters, and answers in the service's XML, an
// error document when the action's handler refuses. Unsigned requests and unknown actions fail as on AWS.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';

/** Thrown by an action's handler for an AWS error answer. */
export class QueryError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/**
 * @param {object} service
 * @param {string} service.xmlns  the service's XML namespace, e.g. http://sns.amazonaws.com/doc/2010-03-31/
 * @param {string} service.version  the API version the SDK must send.
 * @param {Record<string, (params: Record<string, string>) => string>} service.actions  each returns its Result's inner XML.
 * @returns {Promise<{ endpoint: string, requests: Array<{ action: string, params: Record<string, string> }>, close(): Promise<void> }>}
 */
export async function startQueryServer({ xmlns, version, actions }) {
  const requests = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => { body += chunk; });
    request.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(body));
      const { Action: action, Version: sent, ...rest } = params;
      const requestId = randomUUID();
      const answer = (status, xml) => {
        response.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
        response.end(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`);
      };
      try {
        if (!request.headers.authorization?.startsWith('AWS4-HMAC-SHA256 ')) {
          throw new QueryError(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
        }
        if (request.method !== 'POST' || !Object.hasOwn(actions, action)) {
          throw new QueryError(400, 'InvalidAction', `Could not find operation ${action} for version ${sent}`);
        }
        if (sent !== version) throw new QueryError(400, 'InvalidParameterValue', `Version ${sent} is not ${version}`);
        requests.push({ action, params: rest });
        const result = actions[action](rest);
        answer(200, `<${action}Response xmlns="${xmlns}"><${action}Result>${result}</${action}Result>` +
          `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`);
      } catch (error) {
        if (!(error instanceof QueryError)) throw error;
        answer(error.status, `<ErrorResponse xmlns="${xmlns}"><Error><Type>Sender</Type><Code>${error.code}</Code>` +
          `<Message>${xmlText(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`);
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${server.address().port}`,
    requests,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export function xmlText(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// AWS Signature Version 4 (header form), so the relay can call Secrets Manager with
// node:crypto alone instead of bundling the AWS SDK.
import { createHash, createHmac } from 'node:crypto';

const ALGORITHM = 'AWS4-HMAC-SHA256';

/**
 * Signs one request and returns the headers to send with it: the caller's headers plus
 * x-amz-date, x-amz-security-token (when the credentials carry one) and authorization.
 * Host is signed but not returned, because fetch derives it from the URL.
 *
 * @param {object} request
 * @param {string} request.method      HTTP method, upper case.
 * @param {string} request.url         Absolute URL; its path is used as the URL parser normalises it.
 * @param {Record<string,string>} [request.headers]  Extra headers to sign. Default: none.
 * @param {string} [request.body]      Request body. Default: empty.
 * @param {string} request.region      e.g. us-east-1.
 * @param {string} request.service     Signing name, e.g. secretsmanager.
 * @param {{accessKeyId: string, secretAccessKey: string, sessionToken?: string}} request.credentials
 * @param {Date} request.now           Signing time.
 */
export function signRequest({ method, url, headers = {}, body = '', region, service, credentials, now }) {
  const target = new URL(url);
  const amzDate = toAmzDate(now);
  const scope = `${amzDate.slice(0, 8)}/${region}/${service}/aws4_request`;

  const signedHeaders = { ...lowerCaseNames(headers), host: target.host, 'x-amz-date': amzDate };
  if (credentials.sessionToken) signedHeaders['x-amz-security-token'] = credentials.sessionToken;
  const names = Object.keys(signedHeaders).sort();

  const canonicalRequest = [
    method,
    target.pathname || '/',
    canonicalQuery(target.searchParams),
    names.map((name) => `${name}:${normaliseValue(signedHeaders[name])}\n`).join(''),
    names.join(';'),
    sha256Hex(body),
  ].join('\n');
  const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const signature = hmac(signingKey(credentials.secretAccessKey, scope), stringToSign).toString('hex');

  const { host: _derivedFromUrl, ...toSend } = signedHeaders;
  return {
    ...toSend,
    authorization: `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  };
}

/** 2015-08-30T12:36:00.000Z -> 20150830T123600Z */
export function toAmzDate(date) {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function signingKey(secretAccessKey, scope) {
  // scope is date/region/service/aws4_request: each part keys the next HMAC.
  return scope.split('/').reduce((key, part) => hmac(key, part), `AWS4${secretAccessKey}`);
}

function canonicalQuery(searchParams) {
  return [...searchParams]
    .map(([name, value]) => `${uriEncode(name)}=${uriEncode(value)}`)
    .sort()
    .join('&');
}

// encodeURIComponent leaves !'()* alone; SigV4 wants every reserved character escaped.
function uriEncode(text) {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function lowerCaseNames(headers) {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

function normaliseValue(value) {
  return String(value).trim().replace(/\s+/g, ' ');
}

function sha256Hex(text) {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function hmac(key, text) {
  return createHmac('sha256', key).update(text, 'utf8').digest();
}

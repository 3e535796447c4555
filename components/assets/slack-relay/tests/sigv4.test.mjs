import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signRequest, toAmzDate } from '../src/sigv4.mjs';

// Vectors from AWS's published Signature Version 4 test suite and signing examples.
const EXAMPLE_CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const EXAMPLE_TIME = new Date('2015-08-30T12:36:00Z');
const EXAMPLE_TOKEN = 'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==';

function sign(overrides) {
  return signRequest({ method: 'GET', region: 'us-east-1', service: 'service', credentials: EXAMPLE_CREDENTIALS, now: EXAMPLE_TIME, ...overrides });
}

test('post-sts-header-before: the session token is signed and sent', () => {
  const headers = sign({ method: 'POST', url: 'https://example.amazonaws.com/', credentials: { ...EXAMPLE_CREDENTIALS, sessionToken: EXAMPLE_TOKEN } });
  assert.equal(headers.authorization,
    'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead');
  assert.equal(headers['x-amz-security-token'], EXAMPLE_TOKEN);
});

test('post-x-www-form-urlencoded: the body hash and an extra header are signed', () => {
  const headers = sign({ method: 'POST', url: 'https://example.amazonaws.com/', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'Param1=value1' });
  assert.equal(headers.authorization,
    'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a');
});

test('get-vanilla-query-order-key-case: query parameters are sorted', () => {
  const headers = sign({ url: 'https://example.amazonaws.com/?Param2=value2&Param1=value1' });
  assert.equal(headers.authorization,
    'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500');
});

test('the IAM ListUsers signing example', () => {
  const headers = sign({
    url: 'https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
    service: 'iam',
  });
  assert.equal(headers.authorization,
    'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7');
});

test('returns the headers to send: lower-cased caller headers and x-amz-date, without host or a token when there is none', () => {
  const headers = sign({ method: 'POST', url: 'https://example.amazonaws.com/', headers: { 'X-Amz-Target': 'svc.Op' } });
  assert.deepEqual(Object.keys(headers).sort(), ['authorization', 'x-amz-date', 'x-amz-target']);
  assert.equal(headers['x-amz-date'], '20150830T123600Z');
});

test('toAmzDate drops separators and milliseconds', () => {
  assert.equal(toAmzDate(new Date('2024-01-02T03:04:05.678Z')), '20240102T030405Z');
});

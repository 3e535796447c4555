'use strict';
// A synthetic user journey for a CloudWatch Synthetics canary (Node.js runtime). The program packs this file with a
// journey.json built from infra:synthetics; each request is one Synthetics step, so a failure names its step.

/**
 * Requests the journey's steps in order, without following redirects, and throws on the first request that fails
 * or answers another status than the step expects.
 * @param {{name: string, steps: {path: string, expectStatus: number}[]}} journey
 * @param {string} origin scheme, host and port the paths are relative to
 * @param {{fetch: typeof fetch, step: (name: string, run: () => Promise<void>) => Promise<unknown>}} io
 */
async function walk(journey, origin, { fetch, step }) {
  for (const [index, { path, expectStatus }] of journey.steps.entries()) {
    const url = new URL(path, origin).toString();
    await step(`${index + 1} GET ${path}`, async () => {
      const response = await fetch(url, { redirect: 'manual' });
      await response.arrayBuffer();
      if (response.status !== expectStatus) {
        throw new Error(`${journey.name}: GET ${url} answered ${response.status}, expected ${expectStatus}`);
      }
    });
  }
}

/** The journey's origin: its own (a journey by URL) or the service address the canary is given (JOURNEY_ORIGIN). */
function originOf(journey, environment) {
  const origin = journey.origin ?? environment.JOURNEY_ORIGIN;
  if (!origin) throw new Error(`${journey.name}: no origin; the canary needs JOURNEY_ORIGIN when the journey has no URL`);
  return origin;
}

exports.walk = walk;
exports.originOf = originOf;

exports.handler = async () => {
  // Only the Synthetics runtime provides this module; the tests call walk directly.
  const synthetics = require('Synthetics');
  const journey = require('./journey.json');
  await walk(journey, originOf(journey, process.env), {
    fetch,
    step: (name, run) => synthetics.executeStep(name, run),
  });
};

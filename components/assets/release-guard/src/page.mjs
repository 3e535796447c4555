// The page to the stack's critical topic: what the guard did, to which rollout and services, and what is left to do.
import { PublishCommand } from '@aws-sdk/client-sns';

/**
 * @param {import('@aws-sdk/client-sns').SNSClient} sns
 * @param {string} topicArn
 * @param {{ stack: string, rolloutId: string, reason: string, services: Array<{ name: string, fromColor: string }>,
 *   failure?: string, release?: string }} outcome  failure: why the flip failed; release: what became of the release item.
 */
export async function page(sns, topicArn, { stack, rolloutId, reason, services, failure, release }) {
  const moved = services.map(({ name, fromColor }) => `${name} -> ${fromColor}`).join(', ');
  const lines = failure === undefined
    ? [
      `The release guard moved stack ${stack}'s traffic back to the live colors (${reason}).`,
      `Rollout ${rolloutId}: ${moved}.`,
      `Release ledger: ${release}.`,
      'A rollback is requested on the lease: a runner holding the rollout finishes it at its next poll; if none does, run `rollback --stack ' + stack + '`.',
    ]
    : [
      `The release guard FAILED to move stack ${stack}'s traffic back (${reason}): traffic may still be split.`,
      `Rollout ${rolloutId}: ${moved}.`,
      `Error: ${failure}`,
      `Lambda retries the event, then sends it to the dead-letter queue; run \`rollback --stack ${stack}\` now.`,
    ];
  await sns.send(new PublishCommand({
    TopicArn: topicArn,
    Subject: failure === undefined ? `Release guard rolled back ${stack}` : `Release guard FAILED to roll back ${stack}`,
    Message: lines.join('\n'),
  }));
}

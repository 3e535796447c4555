// The SNS stand-in: Publish to the topics it was given (NotFound for any other, as SNS answers), read back as
// { topicArn, subject, message } for the assertions.
import { randomUUID } from 'node:crypto';
import { QueryError, startQueryServer } from './query-server.mjs';

/** @param {string[]} topics */
export async function startSns(topics) {
  const server = await startQueryServer({
    xmlns: 'http://sns.amazonaws.com/doc/2010-03-31/',
    version: '2010-03-31',
    actions: {
      Publish(params) {
        if (!topics.includes(params.TopicArn)) throw new QueryError(404, 'NotFound', 'Topic does not exist');
        if (!params.Message) throw new QueryError(400, 'InvalidParameter', 'Invalid parameter: Empty message');
        return `<MessageId>${randomUUID()}</MessageId>`;
      },
    },
  });
  return {
    ...server,
    pages: () => server.requests.map(({ params }) => ({ topicArn: params.TopicArn, subject: params.Subject, message: params.Message })),
  };
}

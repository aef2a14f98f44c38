import { ChangeMessageVisibilityCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { FAST_RETRY } from '../../test/support/fast-retry';
import {
  MAX_VISIBILITY_SECONDS,
  retryDelaySeconds,
  SqsMessageVisibility,
} from './message-visibility';

const sqsMock = mockClient(SQSClient);
const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/111111111111/operations.fifo';

beforeEach(() => sqsMock.reset());

describe('SqsMessageVisibility.postpone', () => {
  it('changes the visibility of the received message, clamped to 0…12 h', async () => {
    sqsMock.on(ChangeMessageVisibilityCommand).resolves({});
    const visibility = new SqsMessageVisibility(new SQSClient({ region: 'us-east-1' }), {
      queueUrl: QUEUE_URL,
      retryPolicy: FAST_RETRY,
    });
    await visibility.postpone('rh-1', 90.4);
    await visibility.postpone('rh-2', 1e9);
    await visibility.postpone('rh-3', -5);
    expect(
      sqsMock.commandCalls(ChangeMessageVisibilityCommand).map((call) => call.args[0].input),
    ).toStrictEqual([
      { QueueUrl: QUEUE_URL, ReceiptHandle: 'rh-1', VisibilityTimeout: 90 },
      { QueueUrl: QUEUE_URL, ReceiptHandle: 'rh-2', VisibilityTimeout: MAX_VISIBILITY_SECONDS },
      { QueueUrl: QUEUE_URL, ReceiptHandle: 'rh-3', VisibilityTimeout: 0 },
    ]);
  });
});

describe('retryDelaySeconds', () => {
  it('grows 60 s × 4 per receive, up to 12 hours', () => {
    expect([1, 2, 3, 4, 5, 12, Number.NaN].map((n) => retryDelaySeconds(n))).toStrictEqual([
      60,
      240,
      960,
      3840,
      15360,
      MAX_VISIBILITY_SECONDS,
      60,
    ]);
  });

  it('five receives span about 85 minutes, so a throttling storm of minutes does not reach the DLQ', () => {
    const total = [1, 2, 3, 4].reduce((sum, n) => sum + retryDelaySeconds(n), 0);
    expect(total).toBe(5100);
  });
});

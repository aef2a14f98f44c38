import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { FAST_RETRY } from '../../test/support/fast-retry';
import { SqsQueueAdmin } from './queue-admin';

/**
 * moto (5.x) does not implement StartMessageMoveTask, so the redrive is tested against the
 * mocked client; the depths are also read from moto over HTTP in queue-admin.integration.spec.ts.
 */
const sqsMock = mockClient(SQSClient);
const admin = new SqsQueueAdmin(new SQSClient({ region: 'us-east-1' }), {
  retryPolicy: FAST_RETRY,
});
const QUEUE = 'https://sqs.us-east-1.amazonaws.com/111111111111/ops.fifo';
const DLQ = 'https://sqs.us-east-1.amazonaws.com/111111111111/ops-dlq.fifo';
const QUEUE_ARN = 'arn:aws:sqs:us-east-1:111111111111:ops.fifo';
const DLQ_ARN = 'arn:aws:sqs:us-east-1:111111111111:ops-dlq.fifo';

beforeEach(() => {
  sqsMock.reset();
  sqsMock
    .on(GetQueueAttributesCommand, { QueueUrl: QUEUE })
    .resolves({
      Attributes: {
        QueueArn: QUEUE_ARN,
        ApproximateNumberOfMessages: '3',
        ApproximateNumberOfMessagesNotVisible: '1',
        ApproximateNumberOfMessagesDelayed: '0',
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: DLQ_ARN, maxReceiveCount: 5 }),
      },
    })
    .on(GetQueueAttributesCommand, { QueueUrl: DLQ })
    .resolves({ Attributes: { QueueArn: DLQ_ARN, ApproximateNumberOfMessages: '7' } })
    .on(GetQueueUrlCommand)
    .resolves({ QueueUrl: DLQ });
});

describe('SqsQueueAdmin (mocked SQS)', () => {
  it('reads the depths of a queue and of its dead-letter queue', async () => {
    expect({
      status: await admin.status(QUEUE),
      lookup: sqsMock.commandCalls(GetQueueUrlCommand)[0]?.args[0].input,
    }).toStrictEqual({
      status: {
        queue: { queueUrl: QUEUE, queueArn: QUEUE_ARN, visible: 3, inFlight: 1, delayed: 0 },
        deadLetter: { queueUrl: DLQ, queueArn: DLQ_ARN, visible: 7, inFlight: 0, delayed: 0 },
      },
      lookup: { QueueName: 'ops-dlq.fifo', QueueOwnerAWSAccountId: '111111111111' },
    });
  });

  it('starts a message move task from the dead-letter queue back to the queue', async () => {
    sqsMock.on(StartMessageMoveTaskCommand).resolves({ TaskHandle: 'task-1' });
    const task = await admin.redrive(QUEUE, 10);
    expect({
      task,
      input: sqsMock.commandCalls(StartMessageMoveTaskCommand)[0]?.args[0].input,
    }).toStrictEqual({
      task: { taskHandle: 'task-1', sourceArn: DLQ_ARN, destinationArn: QUEUE_ARN, messages: 7 },
      input: { SourceArn: DLQ_ARN, DestinationArn: QUEUE_ARN, MaxNumberOfMessagesPerSecond: 10 },
    });
  });

  it.each([
    ['no redrive policy', {}, 'has no dead-letter queue'],
    ['a malformed redrive policy', { RedrivePolicy: '{' }, 'has no dead-letter queue'],
  ])('refuses to redrive a queue with %s', async (_label, extra, message) => {
    sqsMock
      .on(GetQueueAttributesCommand)
      .resolves({ Attributes: { QueueArn: QUEUE_ARN, ...extra } });
    await expect(admin.redrive(QUEUE)).rejects.toMatchObject({
      code: 'UnexpectedResponse',
      message: expect.stringContaining(message),
    });
  });

  it('fails with a typed error when SQS answers without a task handle or an ARN', async () => {
    sqsMock.on(StartMessageMoveTaskCommand).resolves({});
    const noHandle = await admin.redrive(QUEUE).catch((error: unknown) => error);
    sqsMock.on(GetQueueAttributesCommand).resolves({ Attributes: {} });
    const noArn = await admin.status(QUEUE).catch((error: unknown) => error);
    expect([noHandle, noArn].map((e) => (e as Error).message)).toStrictEqual([
      'StartMessageMoveTask returned no TaskHandle',
      'GetQueueAttributes returned no QueueArn',
    ]);
  });

  it('translates an access problem into a typed adapter error', async () => {
    sqsMock
      .on(StartMessageMoveTaskCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDenied', $metadata: {} }));
    await expect(admin.redrive(QUEUE)).rejects.toMatchObject({ retryable: false });
  });
});

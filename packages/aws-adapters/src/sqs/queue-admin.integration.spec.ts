/**
 * Queue depths against moto over HTTP: a FIFO queue with a dead-letter queue, as the construct
 * creates it. (moto has no StartMessageMoveTask: the redrive is tested on the mocked client.)
 */
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import { createMotoClients } from '@org/emulators';
import { SqsQueueAdmin } from './queue-admin';

jest.setTimeout(60_000);

describe('SqsQueueAdmin on moto', () => {
  it('reads the depths of the queue and of the dead-letter queue its redrive policy names', async () => {
    const { sqs } = createMotoClients();
    const suffix = Date.now().toString(36);
    const dlq = await sqs.send(
      new CreateQueueCommand({
        QueueName: `dlq-${suffix}.fifo`,
        Attributes: { FifoQueue: 'true' },
      }),
    );
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    const dlqArn = Attributes?.QueueArn ?? '';
    const queue = await sqs.send(
      new CreateQueueCommand({
        QueueName: `ops-${suffix}.fifo`,
        Attributes: {
          FifoQueue: 'true',
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 5 }),
        },
      }),
    );
    for (const [url, n] of [
      [queue.QueueUrl ?? '', 2],
      [dlq.QueueUrl ?? '', 3],
    ] as const) {
      for (let i = 0; i < n; i++) {
        await sqs.send(
          new SendMessageCommand({
            QueueUrl: url,
            MessageBody: `m${i}`,
            MessageGroupId: 'g',
            MessageDeduplicationId: `d${i}`,
          }),
        );
      }
    }
    const status = await new SqsQueueAdmin(sqs).status(queue.QueueUrl ?? '');
    expect({
      queue: [status.queue.visible, status.queue.inFlight],
      deadLetter: status.deadLetter && [status.deadLetter.queueArn, status.deadLetter.visible],
    }).toStrictEqual({ queue: [2, 0], deadLetter: [dlqArn, 3] });
  });
});

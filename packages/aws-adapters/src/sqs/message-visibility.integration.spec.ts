/**
 * Backing a failed record off on moto over HTTP: ChangeMessageVisibility on a received FIFO
 * message, as the operations worker does for a retryable failure.
 */
import { CreateQueueCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { createMotoClients } from '@org/emulators';
import { SqsMessageVisibility } from './message-visibility';

jest.setTimeout(60_000);

describe('SqsMessageVisibility on moto', () => {
  it('hides a received message for the delay, and makes it visible again at once with 0', async () => {
    const { sqs } = createMotoClients();
    const queue = await sqs.send(
      new CreateQueueCommand({
        QueueName: `ops-visibility-${Date.now().toString(36)}.fifo`,
        Attributes: { FifoQueue: 'true', VisibilityTimeout: '0' },
      }),
    );
    const queueUrl = queue.QueueUrl ?? '';
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: 'op',
        MessageGroupId: '222233334444',
        MessageDeduplicationId: 'd-1',
      }),
    );
    const receive = async () =>
      (await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 1 })))
        .Messages?.[0];
    const visibility = new SqsMessageVisibility(sqs, { queueUrl });
    const first = await receive();
    await visibility.postpone(first?.ReceiptHandle ?? '', 600);
    const whilePostponed = await receive();
    await visibility.postpone(first?.ReceiptHandle ?? '', 0);
    const afterRelease = await receive();
    expect({
      first: first?.Body,
      whilePostponed: whilePostponed?.Body ?? null,
      afterRelease: afterRelease?.Body,
    }).toStrictEqual({ first: 'op', whilePostponed: null, afterRelease: 'op' });
  });
});

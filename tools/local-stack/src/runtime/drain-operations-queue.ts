import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { OperationsWorkerHandler } from '@org/handlers';
import { localLambdaContext } from './lambda-context';
import { receiveOneMessage, toSqsRecord } from './sqs-record';

/** What draining the queue did. */
export interface DrainResult {
  /** Records the worker completed. */
  readonly completed: number;
  /** Records the worker failed back (each is received again). */
  readonly failedBack: number;
  readonly invocations: number;
}

/**
 * Plays Lambda's SQS event source for the operations FIFO queue: receives messages one at a time
 * (moto redelivers only the last message of a group when asked for more), hands each to the real
 * worker handler, deletes what it completed and makes what it failed back visible again at once
 * (instead of after the visibility timeout), until the queue is empty. Status checks the worker
 * re-queues are drained too.
 *
 * @example
 * ```ts
 * const result = await drainOperationsQueue(moto.sqs, queueUrl, handlers.worker);
 * ```
 */
export async function drainOperationsQueue(
  sqs: SQSClient,
  queueUrl: string,
  worker: OperationsWorkerHandler,
  options: { readonly maxInvocations?: number; readonly onRecord?: (done: number) => void } = {},
): Promise<DrainResult> {
  const queueArn = `arn:aws:sqs:us-east-1:000000000000:${queueUrl.split('/').pop() ?? 'operations.fifo'}`;
  let completed = 0;
  let failedBack = 0;
  let invocations = 0;
  const maxInvocations = options.maxInvocations ?? 1000;
  while (invocations < maxInvocations) {
    const messages = await receiveOneMessage(sqs, queueUrl);
    if (messages.length === 0) break;
    const records = messages.map((message) => toSqsRecord(message, queueArn));
    invocations += 1;
    const response = await worker(
      { Records: records },
      localLambdaContext('operations-worker', 300_000),
    );
    const failed = new Set(response.batchItemFailures.map((failure) => failure.itemIdentifier));
    for (const record of records) {
      if (failed.has(record.messageId)) {
        failedBack += 1;
        await sqs.send(
          new ChangeMessageVisibilityCommand({
            QueueUrl: queueUrl,
            ReceiptHandle: record.receiptHandle,
            VisibilityTimeout: 0,
          }),
        );
      } else {
        completed += 1;
        await sqs.send(
          new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: record.receiptHandle }),
        );
      }
    }
    options.onRecord?.(completed);
  }
  return { completed, failedBack, invocations };
}

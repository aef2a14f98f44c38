/**
 * `OperationQueue` on an SQS FIFO queue.
 */
import {
  type BatchResultErrorEntry,
  SendMessageBatchCommand,
  type SendMessageBatchRequestEntry,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { OperationMessage, OperationQueue } from '@org/governance-runtime';
import { type FailedQueueEntry, QueueSendError } from '../errors';
import { backoff, callAws, type RetryPolicy } from '../retry';
import { queueAccess, type QueueAccess } from './queue-access';
import { deduplicationIdOf, encodeOperationMessage } from './operation-message';

/** Options of {@link SqsOperationQueue}. */
export interface SqsOperationQueueOptions {
  /** URL of the FIFO queue. */
  readonly queueUrl: string;
  /** Retries of the call and of failed entries. @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
}

const BATCH_SIZE = 10;

/**
 * Sends operations in `SendMessageBatch` chunks of 10: message group = account id (operations on
 * one account run in order), deduplication id = hash of the operation and its cause (see
 * `deduplicationIdOf`). Entries that fail on the server side are re-sent with backoff; whatever
 * still fails is reported in one `QueueSendError`.
 *
 * @example
 * ```ts
 * const queue = new SqsOperationQueue(new SQSClient(config), { queueUrl });
 * await queue.send(plan.operations.map((operation) => ({ eventId, operation })));
 * ```
 */
export class SqsOperationQueue implements OperationQueue {
  private readonly queue: QueueAccess;

  constructor(client: SQSClient, options: SqsOperationQueueOptions) {
    this.queue = queueAccess(client, options);
  }

  /** @inheritdoc */
  async send(messages: readonly OperationMessage[]): Promise<void> {
    const failed: FailedQueueEntry[] = [];
    let senderFault = false;
    for (let start = 0; start < messages.length; start += BATCH_SIZE) {
      const entries = messages
        .slice(start, start + BATCH_SIZE)
        .map((message, index): SendMessageBatchRequestEntry => ({
          Id: String(index),
          MessageBody: encodeOperationMessage(message),
          MessageGroupId: message.operation.accountId,
          MessageDeduplicationId: deduplicationIdOf(message),
        }));
      const result = await this.sendBatch(entries);
      senderFault ||= result.some((entry) => entry.error.SenderFault === true);
      failed.push(...result.map(({ entry, error }) => toFailedEntry(entry, error)));
    }
    if (failed.length > 0) {
      throw new QueueSendError(
        `${failed.length} of ${messages.length} operation(s) could not be queued: ${failed
          .map((entry) => `${entry.errorCode} (${entry.messageGroupId})`)
          .join(', ')}`,
        failed,
        !senderFault,
        { context: { operation: 'SendMessageBatch', queueUrl: this.queue.queueUrl } },
      );
    }
  }

  /**
   * Sends one chunk, re-sending entries that failed on the server side; returns the entries
   * that still failed (sender faults at once), with their last error.
   */
  private async sendBatch(entries: SendMessageBatchRequestEntry[]): Promise<EntryFailure[]> {
    const permanent: EntryFailure[] = [];
    let pending = entries;
    for (let attempt = 1; ; attempt += 1) {
      const batch = pending;
      const output = await callAws(
        { operation: 'SendMessageBatch', queueUrl: this.queue.queueUrl },
        () =>
          this.queue.client.send(
            new SendMessageBatchCommand({ QueueUrl: this.queue.queueUrl, Entries: batch }),
          ),
        this.queue.retryPolicy,
      );
      const failures = (output.Failed ?? []).flatMap((error) => {
        const entry = batch.find((candidate) => candidate.Id === error.Id);
        return entry ? [{ entry, error }] : [];
      });
      permanent.push(...failures.filter(({ error }) => error.SenderFault === true));
      const retryable = failures.filter(({ error }) => error.SenderFault !== true);
      if (retryable.length === 0) return permanent;
      if (attempt >= this.queue.retryPolicy.maxAttempts) return [...permanent, ...retryable];
      await backoff(attempt, this.queue.retryPolicy);
      pending = retryable.map(({ entry }) => entry);
    }
  }
}

interface EntryFailure {
  readonly entry: SendMessageBatchRequestEntry;
  readonly error: BatchResultErrorEntry;
}

function toFailedEntry(
  entry: SendMessageBatchRequestEntry,
  error: BatchResultErrorEntry,
): FailedQueueEntry {
  return {
    messageGroupId: entry.MessageGroupId ?? '',
    deduplicationId: entry.MessageDeduplicationId ?? '',
    errorCode: error.Code ?? 'Unknown',
    message: error.Message ?? '',
  };
}

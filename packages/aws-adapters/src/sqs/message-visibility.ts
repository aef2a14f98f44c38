/**
 * Postpones the redelivery of a received message (`ChangeMessageVisibility`), so a retryable
 * failure backs off instead of coming back after the queue's full visibility timeout.
 */
import { ChangeMessageVisibilityCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { callAws, type RetryPolicy } from '../retry';
import { queueAccess, type QueueAccess } from './queue-access';

/** The longest visibility timeout SQS accepts: 12 hours. */
export const MAX_VISIBILITY_SECONDS = 43_200;

/** Options of {@link SqsMessageVisibility}. */
export interface SqsMessageVisibilityOptions {
  /** URL of the queue the messages were received from. */
  readonly queueUrl: string;
  /** Retries of the call. @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
}

/**
 * Changes how long a received message stays invisible.
 *
 * @example
 * ```ts
 * const visibility = new SqsMessageVisibility(new SQSClient(config), { queueUrl });
 * await visibility.postpone(record.receiptHandle, 90); // redelivered in 90 s
 * ```
 */
export class SqsMessageVisibility {
  private readonly queue: QueueAccess;

  constructor(client: SQSClient, options: SqsMessageVisibilityOptions) {
    this.queue = queueAccess(client, options);
  }

  /** Makes the message visible again `seconds` from now (clamped to 0…12 h). */
  async postpone(receiptHandle: string, seconds: number): Promise<void> {
    const timeout = Math.max(0, Math.min(MAX_VISIBILITY_SECONDS, Math.round(seconds)));
    await callAws(
      { operation: 'ChangeMessageVisibility', queueUrl: this.queue.queueUrl },
      () =>
        this.queue.client.send(
          new ChangeMessageVisibilityCommand({
            QueueUrl: this.queue.queueUrl,
            ReceiptHandle: receiptHandle,
            VisibilityTimeout: timeout,
          }),
        ),
      this.queue.retryPolicy,
    );
  }
}

/**
 * The backoff of a retryable failure on its `receiveCount`-th receive: `baseSeconds` ×
 * `factor`^(receiveCount − 1), at most `maxSeconds`. With the defaults (60 s, ×4, 12 h) the
 * first retries come soon (1 min, 4 min) while five receives span about 85 minutes — longer than
 * the queue's visibility timeout used to give them — so a throttling storm does not burn through
 * the queue's `maxReceiveCount` into the dead-letter queue.
 *
 * @example
 * ```ts
 * retryDelaySeconds(1); // 60
 * retryDelaySeconds(3); // 960
 * ```
 */
export function retryDelaySeconds(
  receiveCount: number,
  baseSeconds = 60,
  factor = 4,
  maxSeconds = MAX_VISIBILITY_SECONDS,
): number {
  const attempt = Number.isFinite(receiveCount) && receiveCount >= 1 ? receiveCount : 1;
  return Math.min(maxSeconds, baseSeconds * factor ** (attempt - 1));
}

/**
 * What an SQS adapter needs to reach its queue: the injected client, the queue URL and the
 * retry policy (default `DEFAULT_RETRY_POLICY`) — resolved in one place for every queue adapter.
 */
import type { SQSClient } from '@aws-sdk/client-sqs';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../retry';

/** A client, a queue URL and a retry policy. */
export interface QueueAccess {
  readonly client: SQSClient;
  readonly queueUrl: string;
  readonly retryPolicy: RetryPolicy;
}

/**
 * A queue adapter's access from its client and options: the retry policy defaults to
 * `DEFAULT_RETRY_POLICY`.
 *
 * @example
 * ```ts
 * const queue = queueAccess(new SQSClient(config), { queueUrl });
 * ```
 */
export function queueAccess(
  client: SQSClient,
  options: { readonly queueUrl: string; readonly retryPolicy?: RetryPolicy },
): QueueAccess {
  return {
    client,
    queueUrl: options.queueUrl,
    retryPolicy: options.retryPolicy ?? DEFAULT_RETRY_POLICY,
  };
}

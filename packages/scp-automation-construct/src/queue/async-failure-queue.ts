/**
 * The dead-letter queue of everything asynchronous: failed EventBridge → Lambda invocations of
 * the processor, notifier and reconciler (after their retries), and events a rule could not
 * deliver to its target.
 */
import type { RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { createDeadLetterQueue } from './dead-letter-queue';

/** Settings of the {@link AsyncFailureQueue}. */
export interface AsyncFailureQueueProps {
  /** Key encrypting the queue. */
  readonly encryptionKey: kms.IKey;
  /** What happens to the queue when the stack is deleted. */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * A standard, KMS-encrypted, TLS-only queue keeping failed events for 14 days.
 *
 * @example
 * ```ts
 * const failed = new AsyncFailureQueue(this, 'FailedEvents', { encryptionKey: key, removalPolicy }).queue;
 * ```
 */
export class AsyncFailureQueue extends Construct {
  /** The queue. */
  readonly queue: sqs.Queue;

  constructor(scope: Construct, id: string, props: AsyncFailureQueueProps) {
    super(scope, id);
    this.queue = createDeadLetterQueue(this, 'Queue', {
      encryptionKey: props.encryptionKey,
      removalPolicy: props.removalPolicy,
      acknowledgement:
        'This queue is itself the dead-letter queue of the asynchronous functions and rules.',
    });
  }
}

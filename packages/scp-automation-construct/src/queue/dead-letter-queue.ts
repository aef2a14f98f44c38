/**
 * The product's dead-letter queues: KMS-encrypted, TLS-only, kept for SQS's longest retention.
 */
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledgeDeadLetterQueue } from '../nag/compliance-acknowledgements';

/** Settings of {@link createDeadLetterQueue}. */
export interface DeadLetterQueueProps {
  /** Key encrypting the queue. */
  readonly encryptionKey: kms.IKey;
  /** What happens to the queue when the stack is deleted. */
  readonly removalPolicy: RemovalPolicy;
  /** A FIFO queue (the dead-letter queue of a FIFO queue), deduplicated by the sender's ids. @default false */
  readonly fifo?: boolean;
  /** Why the queue has no dead-letter queue of its own (the compliance packs ask for one). */
  readonly acknowledgement: string;
}

/**
 * A KMS-encrypted, TLS-only queue keeping messages for 14 days, with the compliance packs'
 * "no dead-letter queue of its own" finding acknowledged.
 *
 * @example
 * ```ts
 * const dlq = createDeadLetterQueue(this, 'DeadLetterQueue', {
 *   encryptionKey: key, removalPolicy, fifo: true,
 *   acknowledgement: 'This is the dead-letter queue of the operations queue.',
 * });
 * ```
 */
export function createDeadLetterQueue(
  scope: Construct,
  id: string,
  props: DeadLetterQueueProps,
): sqs.Queue {
  const queue = new sqs.Queue(scope, id, {
    ...(props.fifo === true ? { fifo: true, contentBasedDeduplication: false } : {}),
    encryption: sqs.QueueEncryption.KMS,
    encryptionMasterKey: props.encryptionKey,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
    removalPolicy: props.removalPolicy,
  });
  acknowledgeDeadLetterQueue(queue, props.acknowledgement);
  return queue;
}

/**
 * The operations FIFO queue (message group = account id, deduplication id = hash of the
 * operation, supplied by the producer) and its FIFO dead-letter queue. Only the product's own
 * roles may send to it: a queue policy denies `sqs:SendMessage` to every other principal.
 */
import { Duration, Lazy, type RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { createDeadLetterQueue } from './dead-letter-queue';

/** Settings of the {@link OperationsQueue}. */
export interface OperationsQueueProps {
  /** Key encrypting both queues. */
  readonly encryptionKey: kms.IKey;
  /** Receives of one message before it moves to the dead-letter queue. */
  readonly maxReceiveCount: number;
  /** Visibility timeout: at least six times the worker's timeout (AWS guidance for Lambda). */
  readonly visibilityTimeout: Duration;
  /** What happens to the queues when the stack is deleted. */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * FIFO operations queue with a FIFO dead-letter queue, both KMS-encrypted and TLS-only.
 *
 * @example
 * ```ts
 * const { queue, deadLetterQueue } = new OperationsQueue(this, 'Operations', {
 *   encryptionKey: key, maxReceiveCount: 5, visibilityTimeout: Duration.minutes(9),
 *   removalPolicy: RemovalPolicy.RETAIN,
 * });
 * ```
 */
export class OperationsQueue extends Construct {
  /** The operations queue. */
  readonly queue: sqs.Queue;
  /** Where operations land after `maxReceiveCount` failed receives. */
  readonly deadLetterQueue: sqs.Queue;
  /** ARNs of the roles admitted to send (the queue policy denies everyone else). */
  private readonly senderArns: string[] = [];

  constructor(scope: Construct, id: string, props: OperationsQueueProps) {
    super(scope, id);
    this.deadLetterQueue = createDeadLetterQueue(this, 'DeadLetterQueue', {
      encryptionKey: props.encryptionKey,
      removalPolicy: props.removalPolicy,
      fifo: true,
      acknowledgement:
        'This is the dead-letter queue of the operations queue; its depth is alarmed on.',
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      fifo: true,
      // The producer supplies MessageDeduplicationId = hash of the operation and its cause (the
      // event or run id): a retried send of one event is dropped, a later event's is not (the
      // worker's level-triggered check makes a repeat harmless).
      contentBasedDeduplication: false,
      deduplicationScope: sqs.DeduplicationScope.MESSAGE_GROUP,
      fifoThroughputLimit: sqs.FifoThroughputLimit.PER_MESSAGE_GROUP_ID,
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.encryptionKey,
      dataKeyReuse: Duration.hours(1),
      enforceSSL: true,
      visibilityTimeout: props.visibilityTimeout,
      // SQS's longest: a first run's backlog on a large organization drains well within it.
      retentionPeriod: Duration.days(14),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount },
      removalPolicy: props.removalPolicy,
    });
  }

  /**
   * Admits a role to send operations; the first call adds the queue-policy statement denying
   * `sqs:SendMessage` to every principal that is not an admitted role (an explicit Deny: no
   * identity policy in any account, and no AWS service, can send a forged operation). A role
   * still needs its own `sqs:SendMessage` allow.
   *
   * @example
   * ```ts
   * operations.admitSender(processor.role);
   * ```
   */
  admitSender(role: iam.IRole): void {
    if (this.senderArns.length === 0) {
      this.queue.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'DenySendExceptProductRoles',
          effect: iam.Effect.DENY,
          principals: [new iam.AnyPrincipal()],
          actions: ['sqs:SendMessage'],
          resources: [this.queue.queueArn],
          conditions: {
            ArnNotEquals: {
              'aws:PrincipalArn': Lazy.list({ produce: () => [...this.senderArns] }),
            },
          },
        }),
      );
    }
    this.senderArns.push(role.roleArn);
  }
}

/**
 * What an operator asks of the product's queues: how deep they and their dead-letter queues are
 * (`orgctl status`) and moving a dead-letter queue's messages back (`orgctl redrive`).
 */
import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  type QueueAttributeName,
  type SQSClient,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { UnexpectedResponseError } from '../errors';
import { callAws, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../retry';

/** Approximate message counts of one queue (SQS `ApproximateNumberOfMessages*`). */
export interface QueueDepth {
  readonly queueUrl: string;
  readonly queueArn: string;
  /** Waiting to be received. */
  readonly visible: number;
  /** Received and not yet deleted (in flight, or held back by a visibility timeout). */
  readonly inFlight: number;
  /** Delayed (not yet visible). */
  readonly delayed: number;
}

/** A queue and, when its redrive policy names one, its dead-letter queue. */
export interface QueueStatus {
  readonly queue: QueueDepth;
  readonly deadLetter: QueueDepth | null;
}

/** A started message move task. */
export interface RedriveTask {
  readonly taskHandle: string;
  /** The dead-letter queue the messages leave. */
  readonly sourceArn: string;
  /** The queue they go back to. */
  readonly destinationArn: string;
  /** Messages in the dead-letter queue when the task started (approximate). */
  readonly messages: number;
}

/** Options of {@link SqsQueueAdmin}. */
export interface SqsQueueAdminOptions {
  /** Our retries on top of the SDK's. @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
}

const DEPTH_ATTRIBUTES: QueueAttributeName[] = [
  'QueueArn',
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
  'RedrivePolicy',
];

/** The dead-letter queue ARN of a `RedrivePolicy` attribute, or `null`. */
function deadLetterArnOf(redrivePolicy: string | undefined): string | null {
  if (redrivePolicy === undefined || redrivePolicy === '') return null;
  try {
    const parsed: unknown = JSON.parse(redrivePolicy);
    const arn =
      typeof parsed === 'object' && parsed !== null
        ? (parsed as Record<string, unknown>)['deadLetterTargetArn']
        : undefined;
    return typeof arn === 'string' ? arn : null;
  } catch {
    return null;
  }
}

/**
 * Queue depths and dead-letter redrives over an injected SQS client.
 *
 * @example
 * ```ts
 * const admin = new SqsQueueAdmin(new SQSClient(config));
 * const { queue, deadLetter } = await admin.status(queueUrl);
 * const task = await admin.redrive(queueUrl); // the DLQ's messages go back to queueUrl
 * ```
 */
export class SqsQueueAdmin {
  private readonly retryPolicy: RetryPolicy;

  constructor(
    private readonly client: SQSClient,
    options: SqsQueueAdminOptions = {},
  ) {
    this.retryPolicy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  }

  /** The queue's depths and its dead-letter queue's (found through its redrive policy). */
  async status(queueUrl: string): Promise<QueueStatus> {
    const { depth, deadLetterArn } = await this.depth(queueUrl);
    if (deadLetterArn === null) return { queue: depth, deadLetter: null };
    const deadLetterUrl = await this.urlOf(deadLetterArn);
    return { queue: depth, deadLetter: (await this.depth(deadLetterUrl)).depth };
  }

  /**
   * Starts moving every message of the queue's dead-letter queue back to the queue
   * (`StartMessageMoveTask`), at most `maxPerSecond` messages a second when given.
   *
   * @throws {UnexpectedResponseError} when the queue has no dead-letter queue.
   */
  async redrive(queueUrl: string, maxPerSecond?: number): Promise<RedriveTask> {
    const { queue, deadLetter } = await this.status(queueUrl);
    if (deadLetter === null) {
      throw new UnexpectedResponseError(`${queueUrl} has no dead-letter queue (RedrivePolicy)`, {
        context: { operation: 'GetQueueAttributes', queueUrl },
      });
    }
    const output = await callAws(
      { operation: 'StartMessageMoveTask', queueUrl: deadLetter.queueUrl },
      () =>
        this.client.send(
          new StartMessageMoveTaskCommand({
            SourceArn: deadLetter.queueArn,
            DestinationArn: queue.queueArn,
            ...(maxPerSecond === undefined ? {} : { MaxNumberOfMessagesPerSecond: maxPerSecond }),
          }),
        ),
      this.retryPolicy,
    );
    if (output.TaskHandle === undefined) {
      throw new UnexpectedResponseError('StartMessageMoveTask returned no TaskHandle', {
        context: { operation: 'StartMessageMoveTask', queueUrl: deadLetter.queueUrl },
      });
    }
    return {
      taskHandle: output.TaskHandle,
      sourceArn: deadLetter.queueArn,
      destinationArn: queue.queueArn,
      messages: deadLetter.visible,
    };
  }

  private async depth(
    queueUrl: string,
  ): Promise<{ depth: QueueDepth; deadLetterArn: string | null }> {
    const context = { operation: 'GetQueueAttributes', queueUrl };
    const { Attributes: attributes = {} } = await callAws(
      context,
      () =>
        this.client.send(
          new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: DEPTH_ATTRIBUTES }),
        ),
      this.retryPolicy,
    );
    const queueArn = attributes.QueueArn;
    if (queueArn === undefined) {
      throw new UnexpectedResponseError('GetQueueAttributes returned no QueueArn', { context });
    }
    const count = (value: string | undefined) => Number(value ?? 0) || 0;
    return {
      depth: {
        queueUrl,
        queueArn,
        visible: count(attributes.ApproximateNumberOfMessages),
        inFlight: count(attributes.ApproximateNumberOfMessagesNotVisible),
        delayed: count(attributes.ApproximateNumberOfMessagesDelayed),
      },
      deadLetterArn: deadLetterArnOf(attributes.RedrivePolicy),
    };
  }

  /** The URL of a queue given by ARN (`arn:aws:sqs:<region>:<account>:<name>`). */
  private async urlOf(queueArn: string): Promise<string> {
    const [, , , , account, name] = queueArn.split(':');
    const context = { operation: 'GetQueueUrl' };
    if (account === undefined || name === undefined) {
      throw new UnexpectedResponseError(`not a queue ARN: ${queueArn}`, { context });
    }
    const { QueueUrl } = await callAws(
      context,
      () =>
        this.client.send(
          new GetQueueUrlCommand({ QueueName: name, QueueOwnerAWSAccountId: account }),
        ),
      this.retryPolicy,
    );
    if (QueueUrl === undefined) {
      throw new UnexpectedResponseError(`GetQueueUrl returned no URL for ${queueArn}`, {
        context,
      });
    }
    return QueueUrl;
  }
}

import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  type ServiceInputTypes,
  type ServiceOutputTypes,
  type SQSClientResolvedConfig,
} from '@aws-sdk/client-sqs';
import type { AwsStub } from 'aws-sdk-client-mock';

/** The operations queue of the mocked-SQS specs. */
export const QUEUE = 'https://sqs.us-east-1.amazonaws.com/111111111111/ops.fifo';
/** Its dead-letter queue. */
export const DLQ = 'https://sqs.us-east-1.amazonaws.com/111111111111/ops-dlq.fifo';
/** {@link QUEUE}'s ARN. */
export const QUEUE_ARN = 'arn:aws:sqs:us-east-1:111111111111:ops.fifo';
/** {@link DLQ}'s ARN. */
export const DLQ_ARN = 'arn:aws:sqs:us-east-1:111111111111:ops-dlq.fifo';

/** A mocked SQS client (`mockClient(SQSClient)`). */
export type SqsMock = AwsStub<ServiceInputTypes, ServiceOutputTypes, SQSClientResolvedConfig>;

/**
 * Answers for {@link QUEUE} and its dead-letter queue {@link DLQ}: QUEUE's attributes (its ARN,
 * `depths`, a redrive policy naming DLQ), DLQ's (its ARN, `deadLetters` waiting) and the lookup of
 * DLQ's URL. Returns the mock, for more answers.
 *
 * @example
 * ```ts
 * withDeadLetterQueue(sqsMock, 7).on(StartMessageMoveTaskCommand).resolves({ TaskHandle: 'task-1' });
 * ```
 */
export function withDeadLetterQueue(
  sqs: SqsMock,
  deadLetters: number,
  depths: Readonly<Record<string, string>> = {},
): SqsMock {
  return sqs
    .on(GetQueueAttributesCommand, { QueueUrl: QUEUE })
    .resolves({
      Attributes: {
        QueueArn: QUEUE_ARN,
        ...depths,
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: DLQ_ARN, maxReceiveCount: 5 }),
      },
    })
    .on(GetQueueAttributesCommand, { QueueUrl: DLQ })
    .resolves({
      Attributes: { QueueArn: DLQ_ARN, ApproximateNumberOfMessages: String(deadLetters) },
    })
    .on(GetQueueUrlCommand)
    .resolves({ QueueUrl: DLQ });
}

import { type Message, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';

/**
 * The record Lambda's SQS event source would deliver for a received message (received with
 * `MessageSystemAttributeNames: ['All']`, so the FIFO attributes are carried over).
 *
 * @example
 * ```ts
 * const records = Messages.map((message) => toSqsRecord(message, queueArn));
 * ```
 */
export function toSqsRecord(message: Message, queueArn: string, senderId = 'local'): SQSRecord {
  const attributes = message.Attributes ?? {};
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attributes['ApproximateReceiveCount'] ?? '1',
      SentTimestamp: attributes['SentTimestamp'] ?? '0',
      SenderId: attributes['SenderId'] ?? senderId,
      ApproximateFirstReceiveTimestamp: attributes['ApproximateFirstReceiveTimestamp'] ?? '0',
      ...(attributes['MessageGroupId'] === undefined
        ? {}
        : { MessageGroupId: attributes['MessageGroupId'] }),
      ...(attributes['MessageDeduplicationId'] === undefined
        ? {}
        : { MessageDeduplicationId: attributes['MessageDeduplicationId'] }),
      ...(attributes['SequenceNumber'] === undefined
        ? {}
        : { SequenceNumber: attributes['SequenceNumber'] }),
    },
    messageAttributes: {},
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: 'us-east-1',
  };
}

/**
 * Receives at most one message of `queueUrl`, without waiting, with every system attribute (what
 * {@link toSqsRecord} carries over): how the local event sources poll, one message at a time,
 * because moto redelivers only the last message of a FIFO group when asked for more. Empty when
 * nothing is visible.
 *
 * @example
 * ```ts
 * const records = (await receiveOneMessage(sqs, queueUrl)).map((m) => toSqsRecord(m, queueArn));
 * ```
 */
export async function receiveOneMessage(sqs: SQSClient, queueUrl: string): Promise<Message[]> {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: 1,
      WaitTimeSeconds: 0,
      MessageSystemAttributeNames: ['All'],
    }),
  );
  return Messages;
}

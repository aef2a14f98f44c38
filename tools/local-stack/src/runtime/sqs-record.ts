import type { Message } from '@aws-sdk/client-sqs';
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

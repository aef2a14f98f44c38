/**
 * `TopicPort` on SNS.
 */
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { TopicMessage, TopicPort } from '@org/governance-runtime';
import { UnexpectedResponseError } from '../errors';
import { callAws, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../retry';
import { toSnsSubject } from './sns-subject';

/**
 * Publishes notification and failure messages.
 *
 * @example
 * ```ts
 * const topics = new SnsTopicPublisher(new SNSClient(config));
 * await topics.publish(failureTopicArn, { subject: 'Operation failed', message, attributes: { accountId } });
 * ```
 */
export class SnsTopicPublisher implements TopicPort {
  private readonly retryPolicy: RetryPolicy;

  constructor(
    private readonly client: SNSClient,
    options: { readonly retryPolicy?: RetryPolicy } = {},
  ) {
    this.retryPolicy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  }

  /** @inheritdoc */
  async publish(topicArn: string, message: TopicMessage): Promise<{ readonly messageId: string }> {
    const context = { operation: 'Publish', topicArn };
    const attributes = Object.entries(message.attributes ?? {});
    const output = await callAws(
      context,
      () =>
        this.client.send(
          new PublishCommand({
            TopicArn: topicArn,
            Subject: toSnsSubject(message.subject),
            Message: message.message,
            ...(attributes.length === 0
              ? {}
              : {
                  MessageAttributes: Object.fromEntries(
                    attributes.map(([name, value]) => [
                      name,
                      { DataType: 'String', StringValue: value },
                    ]),
                  ),
                }),
          }),
        ),
      this.retryPolicy,
    );
    if (!output.MessageId)
      throw new UnexpectedResponseError('Publish returned no MessageId', { context });
    return { messageId: output.MessageId };
  }
}

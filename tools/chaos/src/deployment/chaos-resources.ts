/**
 * What the construct deploys, created in the emulators for the chaos run by the local stack
 * (`createLocalResources`): the tables of the contract's designs in DynamoDB Local, the
 * operations FIFO queue with its dead-letter queue in moto, the failure topic and the webhook
 * signing secret — plus a notification topic. Both topics have a capture queue (SNS envelopes,
 * not raw) to read what was published.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { MotoClients } from '@org/emulators';
import { capturedTopic, createLocalResources, localNames } from '@org/local-stack';

/** Names of the chaos deployment's resources (`chaos-rules`, `chaos-operations.fifo`, …). */
export const CHAOS_NAMES = { ...localNames('chaos'), notificationTopic: 'chaos-notifications' };

export { MAX_RECEIVE_COUNT } from '@org/local-stack';

/** Identifiers of the created resources. */
export interface ChaosResources {
  readonly operationsQueueUrl: string;
  readonly operationsQueueArn: string;
  readonly deadLetterQueueUrl: string;
  readonly failureTopicArn: string;
  readonly failureCaptureUrl: string;
  readonly notificationTopicArn: string;
  readonly notificationCaptureUrl: string;
  readonly webhookSecretArn: string;
}

/**
 * Creates the deployment.
 *
 * @example
 * ```ts
 * const resources = await createChaosResources(moto, dynamodb, 'webhook-secret');
 * ```
 */
export async function createChaosResources(
  moto: Pick<MotoClients, 'sqs' | 'sns' | 'secretsManager'>,
  dynamodb: DynamoDBClient,
  webhookSecret: string,
): Promise<ChaosResources> {
  const resources = await createLocalResources(moto, dynamodb, webhookSecret, {
    names: CHAOS_NAMES,
    // Real seconds. The driver releases or deletes every record it receives, so this only
    // returns a message whose receive response was lost (a slow, loaded machine): well within a
    // drain's real-time budget (600 s), and longer than any invocation runs.
    visibilityTimeoutSeconds: 120,
    rawCapture: false,
  });
  const notifications = await capturedTopic(moto, CHAOS_NAMES.notificationTopic, false);
  return {
    operationsQueueUrl: resources.operationsQueueUrl,
    operationsQueueArn: resources.operationsQueueArn,
    deadLetterQueueUrl: resources.deadLetterQueueUrl,
    failureTopicArn: resources.failureTopicArn,
    failureCaptureUrl: resources.failureCaptureQueueUrl,
    notificationTopicArn: notifications.topicArn,
    notificationCaptureUrl: notifications.captureUrl,
    webhookSecretArn: resources.webhookSecretArn,
  };
}

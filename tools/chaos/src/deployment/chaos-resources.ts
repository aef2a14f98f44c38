/**
 * What the construct deploys, created in the emulators for the chaos run: the four tables in
 * DynamoDB Local, the operations FIFO queue with its dead-letter queue (maxReceiveCount 5, the
 * construct's default) in moto, the failure topic and a notification topic (each with a capture
 * queue, to read what was published) and the webhook signing secret.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { CreateTopicCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import {
  AUDIT_LOG_TABLE,
  createTableInput,
  IDEMPOTENCY_TABLE,
  PROVISIONED_STATE_TABLE,
  RULES_TABLE,
  type TableDesign,
} from '@org/aws-adapters/dynamodb';
import type { MotoClients } from '@org/emulators';
import { ChaosSetupError } from '../errors';

/** Names of the chaos deployment's resources. */
export const CHAOS_NAMES = {
  rulesTable: 'chaos-rules',
  stateTable: 'chaos-state',
  auditTable: 'chaos-audit',
  idempotencyTable: 'chaos-idempotency',
  operationsQueue: 'chaos-operations.fifo',
  deadLetterQueue: 'chaos-operations-dlq.fifo',
  failureTopic: 'chaos-failures',
  notificationTopic: 'chaos-notifications',
  webhookSecret: 'chaos-webhook-secret',
} as const;

/** The queue's redrive limit (the construct's default `operationsMaxReceiveCount`). */
export const MAX_RECEIVE_COUNT = 5;

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

async function createTable(dynamodb: DynamoDBClient, design: TableDesign, name: string) {
  await dynamodb.send(new CreateTableCommand(createTableInput(design, name)));
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: name }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new ChaosSetupError(`table ${name} did not become ACTIVE`);
}

async function queueArn(moto: Pick<MotoClients, 'sqs'>, url: string): Promise<string> {
  const { Attributes } = await moto.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }),
  );
  return Attributes?.['QueueArn'] ?? '';
}

/** A topic with a standard queue subscribed to it (SNS envelopes, not raw). */
async function capturedTopic(moto: Pick<MotoClients, 'sqs' | 'sns'>, name: string) {
  const topic = await moto.sns.send(new CreateTopicCommand({ Name: name }));
  const queue = await moto.sqs.send(new CreateQueueCommand({ QueueName: `${name}-capture` }));
  const url = queue.QueueUrl ?? '';
  await moto.sns.send(
    new SubscribeCommand({
      TopicArn: topic.TopicArn,
      Protocol: 'sqs',
      Endpoint: await queueArn(moto, url),
    }),
  );
  return { topicArn: topic.TopicArn ?? '', captureUrl: url };
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
  await Promise.all([
    createTable(dynamodb, RULES_TABLE, CHAOS_NAMES.rulesTable),
    createTable(dynamodb, PROVISIONED_STATE_TABLE, CHAOS_NAMES.stateTable),
    createTable(dynamodb, AUDIT_LOG_TABLE, CHAOS_NAMES.auditTable),
    createTable(dynamodb, IDEMPOTENCY_TABLE, CHAOS_NAMES.idempotencyTable),
  ]);
  const dlq = await moto.sqs.send(
    new CreateQueueCommand({
      QueueName: CHAOS_NAMES.deadLetterQueue,
      Attributes: { FifoQueue: 'true' },
    }),
  );
  const deadLetterQueueUrl = dlq.QueueUrl ?? '';
  const queue = await moto.sqs.send(
    new CreateQueueCommand({
      QueueName: CHAOS_NAMES.operationsQueue,
      Attributes: {
        FifoQueue: 'true',
        // Real seconds. The driver releases or deletes every record it receives, so this only
        // returns a message whose receive response was lost (a slow, loaded machine): well
        // within a drain's real-time budget (600 s), and longer than any invocation runs.
        VisibilityTimeout: '120',
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: await queueArn(moto, deadLetterQueueUrl),
          maxReceiveCount: MAX_RECEIVE_COUNT,
        }),
      },
    }),
  );
  const operationsQueueUrl = queue.QueueUrl ?? '';
  const failures = await capturedTopic(moto, CHAOS_NAMES.failureTopic);
  const notifications = await capturedTopic(moto, CHAOS_NAMES.notificationTopic);
  const secret = await moto.secretsManager.send(
    new CreateSecretCommand({ Name: CHAOS_NAMES.webhookSecret, SecretString: webhookSecret }),
  );
  return {
    operationsQueueUrl,
    operationsQueueArn: await queueArn(moto, operationsQueueUrl),
    deadLetterQueueUrl,
    failureTopicArn: failures.topicArn,
    failureCaptureUrl: failures.captureUrl,
    notificationTopicArn: notifications.topicArn,
    notificationCaptureUrl: notifications.captureUrl,
    webhookSecretArn: secret.ARN ?? '',
  };
}

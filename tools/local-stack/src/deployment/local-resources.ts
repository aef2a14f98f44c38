import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
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
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Names of the local deployment's resources (what the construct would create). */
export const LOCAL_NAMES = {
  rulesTable: 'org-governance-rules',
  stateTable: 'org-governance-state',
  auditTable: 'org-governance-audit',
  idempotencyTable: 'org-governance-idempotency',
  operationsQueue: 'org-governance-operations.fifo',
  deadLetterQueue: 'org-governance-operations-dlq.fifo',
  failureTopic: 'org-governance-failures',
  failureCaptureQueue: 'org-governance-failures-capture',
  webhookSecret: 'org-governance-webhook-secret',
} as const;

/** The deployed resources' identifiers. */
export interface LocalResources {
  readonly operationsQueueUrl: string;
  readonly deadLetterQueueUrl: string;
  readonly failureTopicArn: string;
  /** A standard queue subscribed to the failure topic (raw delivery), to read what was alerted. */
  readonly failureCaptureQueueUrl: string;
  readonly webhookSecretArn: string;
}

async function createTable(
  dynamodb: DynamoDBClient,
  design: TableDesign,
  name: string,
): Promise<void> {
  await dynamodb.send(new CreateTableCommand(createTableInput(design, name)));
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: name }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`table ${name} did not become ACTIVE`);
}

/**
 * Creates what `OrgGovernance` deploys, in the emulator: the four tables (the adapters' key
 * designs), the operations FIFO queue with its dead-letter queue (`maxReceiveCount` 5), the
 * failure topic with a capture queue, and the webhook signing secret.
 *
 * @example
 * ```ts
 * const resources = await createLocalResources(moto, dynamodb, 'local-secret');
 * ```
 */
export async function createLocalResources(
  moto: Pick<MotoClients, 'sqs' | 'sns' | 'secretsManager'>,
  dynamodb: DynamoDBClient,
  webhookSecret: string,
): Promise<LocalResources> {
  await Promise.all([
    createTable(dynamodb, RULES_TABLE, LOCAL_NAMES.rulesTable),
    createTable(dynamodb, PROVISIONED_STATE_TABLE, LOCAL_NAMES.stateTable),
    createTable(dynamodb, AUDIT_LOG_TABLE, LOCAL_NAMES.auditTable),
    createTable(dynamodb, IDEMPOTENCY_TABLE, LOCAL_NAMES.idempotencyTable),
  ]);
  const dlq = await moto.sqs.send(
    new CreateQueueCommand({
      QueueName: LOCAL_NAMES.deadLetterQueue,
      Attributes: { FifoQueue: 'true' },
    }),
  );
  const dlqArn = (
    await moto.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }),
    )
  ).Attributes?.['QueueArn'];
  const queue = await moto.sqs.send(
    new CreateQueueCommand({
      QueueName: LOCAL_NAMES.operationsQueue,
      Attributes: {
        FifoQueue: 'true',
        VisibilityTimeout: '30',
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 5 }),
      },
    }),
  );
  const topic = await moto.sns.send(new CreateTopicCommand({ Name: LOCAL_NAMES.failureTopic }));
  const capture = await moto.sqs.send(
    new CreateQueueCommand({ QueueName: LOCAL_NAMES.failureCaptureQueue }),
  );
  const captureArn = (
    await moto.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: capture.QueueUrl, AttributeNames: ['QueueArn'] }),
    )
  ).Attributes?.['QueueArn'];
  await moto.sns.send(
    new SubscribeCommand({
      TopicArn: topic.TopicArn,
      Protocol: 'sqs',
      Endpoint: captureArn,
      Attributes: { RawMessageDelivery: 'true' },
    }),
  );
  const secret = await moto.secretsManager.send(
    new CreateSecretCommand({ Name: LOCAL_NAMES.webhookSecret, SecretString: webhookSecret }),
  );
  return {
    operationsQueueUrl: queue.QueueUrl ?? '',
    deadLetterQueueUrl: dlq.QueueUrl ?? '',
    failureTopicArn: topic.TopicArn ?? '',
    failureCaptureQueueUrl: capture.QueueUrl ?? '',
    webhookSecretArn: secret.ARN ?? '',
  };
}

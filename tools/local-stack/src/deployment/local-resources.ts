import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { CreateTopicCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import {
  createTableInput,
  type GovernanceTableName,
  TABLE_DESIGNS,
  type TableDesign,
} from '@org/contracts';
import type { MotoClients } from '@org/emulators';

/** Names of a local deployment's resources (what the construct would create). */
export interface LocalNames {
  /** One table per design of the contract's `TABLE_DESIGNS`, `<prefix>-<design>`. */
  readonly tables: Readonly<Record<GovernanceTableName, string>>;
  readonly operationsQueue: string;
  readonly deadLetterQueue: string;
  readonly failureTopic: string;
  readonly webhookSecret: string;
}

/**
 * The resource names of a deployment called `prefix`.
 *
 * @example
 * ```ts
 * localNames('chaos').tables.rules; // 'chaos-rules'
 * ```
 */
export function localNames(prefix: string): LocalNames {
  const designs = Object.keys(TABLE_DESIGNS) as GovernanceTableName[];
  return {
    tables: Object.fromEntries(designs.map((design) => [design, `${prefix}-${design}`])) as Record<
      GovernanceTableName,
      string
    >,
    operationsQueue: `${prefix}-operations.fifo`,
    deadLetterQueue: `${prefix}-operations-dlq.fifo`,
    failureTopic: `${prefix}-failures`,
    webhookSecret: `${prefix}-webhook-secret`,
  };
}

/** Names of the `npm start` deployment. */
export const LOCAL_NAMES: LocalNames = localNames('org-governance');

/** The queue's redrive limit (the construct's default `operationsMaxReceiveCount`). */
export const MAX_RECEIVE_COUNT = 5;

/** Options of {@link createLocalResources}. */
export interface LocalResourcesOptions {
  /** @default {@link LOCAL_NAMES} */
  readonly names?: LocalNames;
  /** The operations queue's visibility timeout (real seconds). @default 30 */
  readonly visibilityTimeoutSeconds?: number;
  /** Capture the failure topic's messages raw (`true`) or in SNS envelopes. @default true */
  readonly rawCapture?: boolean;
}

/** The deployed resources' identifiers. */
export interface LocalResources {
  readonly names: LocalNames;
  readonly operationsQueueUrl: string;
  readonly operationsQueueArn: string;
  readonly deadLetterQueueUrl: string;
  readonly failureTopicArn: string;
  /** A standard queue subscribed to the failure topic, to read what was alerted. */
  readonly failureCaptureQueueUrl: string;
  readonly webhookSecretArn: string;
}

async function createTable(
  dynamodb: DynamoDBClient,
  design: TableDesign,
  name: string,
): Promise<void> {
  await dynamodb.send(new CreateTableCommand(createTableInput(design, name)));
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: name }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`table ${name} did not become ACTIVE`);
}

async function queueArn(moto: Pick<MotoClients, 'sqs'>, url: string): Promise<string> {
  const { Attributes } = await moto.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }),
  );
  return Attributes?.['QueueArn'] ?? '';
}

/**
 * A topic with a standard queue `<name>-capture` subscribed to it, to read what was published.
 *
 * @example
 * ```ts
 * const { topicArn, captureUrl } = await capturedTopic(moto, 'chaos-notifications', false);
 * ```
 */
export async function capturedTopic(
  moto: Pick<MotoClients, 'sqs' | 'sns'>,
  name: string,
  raw: boolean,
): Promise<{ readonly topicArn: string; readonly captureUrl: string }> {
  const topic = await moto.sns.send(new CreateTopicCommand({ Name: name }));
  const queue = await moto.sqs.send(new CreateQueueCommand({ QueueName: `${name}-capture` }));
  const url = queue.QueueUrl ?? '';
  await moto.sns.send(
    new SubscribeCommand({
      TopicArn: topic.TopicArn,
      Protocol: 'sqs',
      Endpoint: await queueArn(moto, url),
      ...(raw ? { Attributes: { RawMessageDelivery: 'true' } } : {}),
    }),
  );
  return { topicArn: topic.TopicArn ?? '', captureUrl: url };
}

/**
 * Creates what `OrgGovernance` deploys, in the emulators: one table per design of the contract's
 * `TABLE_DESIGNS` (in `dynamodb`: moto, or DynamoDB Local), the operations FIFO queue with its
 * dead-letter queue (`maxReceiveCount` 5), the failure topic with a capture queue, and the
 * webhook signing secret.
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
  options: LocalResourcesOptions = {},
): Promise<LocalResources> {
  const names = options.names ?? LOCAL_NAMES;
  const designs = Object.entries(TABLE_DESIGNS) as [GovernanceTableName, TableDesign][];
  await Promise.all(
    designs.map(([design, table]) => createTable(dynamodb, table, names.tables[design])),
  );
  const dlq = await moto.sqs.send(
    new CreateQueueCommand({ QueueName: names.deadLetterQueue, Attributes: { FifoQueue: 'true' } }),
  );
  const deadLetterQueueUrl = dlq.QueueUrl ?? '';
  const queue = await moto.sqs.send(
    new CreateQueueCommand({
      QueueName: names.operationsQueue,
      Attributes: {
        FifoQueue: 'true',
        VisibilityTimeout: String(options.visibilityTimeoutSeconds ?? 30),
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: await queueArn(moto, deadLetterQueueUrl),
          maxReceiveCount: MAX_RECEIVE_COUNT,
        }),
      },
    }),
  );
  const operationsQueueUrl = queue.QueueUrl ?? '';
  const failures = await capturedTopic(moto, names.failureTopic, options.rawCapture ?? true);
  const secret = await moto.secretsManager.send(
    new CreateSecretCommand({ Name: names.webhookSecret, SecretString: webhookSecret }),
  );
  return {
    names,
    operationsQueueUrl,
    operationsQueueArn: await queueArn(moto, operationsQueueUrl),
    deadLetterQueueUrl,
    failureTopicArn: failures.topicArn,
    failureCaptureQueueUrl: failures.captureUrl,
    webhookSecretArn: secret.ARN ?? '',
  };
}

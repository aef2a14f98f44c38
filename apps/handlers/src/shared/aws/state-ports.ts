/**
 * The product's own state behind the pipeline's ports — rules, provisioned state, audit log,
 * once-only markers, the stored directory view, the operations queue, the failure topic — one
 * factory each, so a function's bundle holds only the adapters and SDK clients it builds.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  DynamoDbAuditLog,
  DynamoDbDirectoryViewStore,
  DynamoDbIdempotencyStore,
  DynamoDbProvisionedStateRepository,
  DynamoDbRulesRepository,
} from '@org/aws-adapters/dynamodb';
import { SnsTopicPublisher } from '@org/aws-adapters/notifiers';
import { SqsOperationQueue } from '@org/aws-adapters/sqs';
import {
  CachedDirectoryView,
  CachedRulesSource,
  type Clock,
  type FailureReporter,
  topicFailureReporter,
} from '@org/governance-runtime';
import type { HandlerConfig } from '../config/handler-config';
import { type ClientTarget, snsClient, sqsClient } from './clients';

/** The rules table itself. */
export function rulesRepository(
  documents: DynamoDBDocumentClient,
  config: Pick<HandlerConfig, 'rulesTable'>,
): DynamoDbRulesRepository {
  return new DynamoDbRulesRepository(documents, { tableName: config.rulesTable });
}

/**
 * The rules, cached for `rulesCacheTtlMs`.
 *
 * @example
 * ```ts
 * const rules = rulesSource(documentClient(target), config, systemClock);
 * ```
 */
export function rulesSource(
  documents: DynamoDBDocumentClient,
  config: Pick<HandlerConfig, 'rulesTable' | 'rulesCacheTtlMs'>,
  clock: Clock,
): CachedRulesSource {
  return new CachedRulesSource(rulesRepository(documents, config), clock, config.rulesCacheTtlMs);
}

/** The provisioned state. */
export function provisionedState(
  documents: DynamoDBDocumentClient,
  config: Pick<HandlerConfig, 'stateTable'>,
): DynamoDbProvisionedStateRepository {
  return new DynamoDbProvisionedStateRepository(documents, { tableName: config.stateTable });
}

/** The directory view the reconciler stores (in the state table). */
export function directoryViewStore(
  documents: DynamoDBDocumentClient,
  config: Pick<HandlerConfig, 'stateTable'>,
): DynamoDbDirectoryViewStore {
  return new DynamoDbDirectoryViewStore(documents, { tableName: config.stateTable });
}

/** The stored directory view, cached like the rules (for planners without Identity Center). */
export function storedDirectoryView(
  documents: DynamoDBDocumentClient,
  config: Pick<HandlerConfig, 'stateTable' | 'rulesCacheTtlMs'>,
  clock: Clock,
): CachedDirectoryView {
  return new CachedDirectoryView(
    directoryViewStore(documents, config),
    clock,
    config.rulesCacheTtlMs,
  );
}

/** The audit log. */
export function auditLog(
  documents: DynamoDBDocumentClient,
  config: Pick<HandlerConfig, 'auditTable' | 'auditRetentionDays'>,
): DynamoDbAuditLog {
  return new DynamoDbAuditLog(documents, {
    tableName: config.auditTable,
    retentionDays: config.auditRetentionDays,
  });
}

/**
 * Once-only markers (claim/release, and two-phase begin/complete/abandon), on the function's
 * clock: a delivery lease runs out when the function's time says so.
 */
export function onceMarkers(
  documents: DynamoDBDocumentClient,
  config: Pick<HandlerConfig, 'idempotencyTable'>,
  clock: Clock,
): DynamoDbIdempotencyStore {
  return new DynamoDbIdempotencyStore(documents, {
    tableName: config.idempotencyTable,
    now: () => clock.now(),
  });
}

/** The operations FIFO queue. */
export function operationQueue(
  target: ClientTarget & { readonly config: Pick<HandlerConfig, 'operationsQueueUrl'> },
) {
  return new SqsOperationQueue(sqsClient(target), { queueUrl: target.config.operationsQueueUrl });
}

/** SNS publishing (the failure topic and notification topics). */
export function topicPublisher(target: ClientTarget): SnsTopicPublisher {
  return new SnsTopicPublisher(snsClient(target));
}

/** The failure topic. */
export function failureTopic(
  publisher: SnsTopicPublisher,
  config: Pick<HandlerConfig, 'failureTopicArn'>,
): FailureReporter {
  return topicFailureReporter(publisher, config.failureTopicArn);
}

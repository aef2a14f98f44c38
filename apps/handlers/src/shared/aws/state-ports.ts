/**
 * The product's own state behind the pipeline's ports, built from the function configuration:
 * rules, provisioned state, audit log, once-only markers, the operations queue and the failure
 * topic. Shared by every function's wiring.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  DynamoDbAuditLog,
  DynamoDbIdempotencyStore,
  DynamoDbProvisionedStateRepository,
  DynamoDbRulesRepository,
} from '@org/aws-adapters/dynamodb';
import { SnsTopicPublisher } from '@org/aws-adapters/notifiers';
import { SqsOperationQueue } from '@org/aws-adapters/sqs';
import { CachedRulesSource, type Clock, topicFailureReporter } from '@org/scope-engine';
import type { HandlerConfig } from '../config/handler-config';
import { type ClientTarget, documentClient, snsClient, sqsClient } from './clients';

/** Builds the state ports lazily, each at most once. */
export class StatePorts {
  private documents: DynamoDBDocumentClient | undefined;
  private topics: SnsTopicPublisher | undefined;

  constructor(
    private readonly target: ClientTarget & { readonly config: HandlerConfig },
    private readonly clock: Clock,
  ) {}

  /** The DynamoDB document client. */
  get documentClient(): DynamoDBDocumentClient {
    this.documents ??= documentClient(this.target);
    return this.documents;
  }

  /** The rules, cached for `rulesCacheTtlMs`. */
  rules(): CachedRulesSource {
    return new CachedRulesSource(
      this.rulesRepository(),
      this.clock,
      this.target.config.rulesCacheTtlMs,
    );
  }

  /** The rules table itself. */
  rulesRepository(): DynamoDbRulesRepository {
    return new DynamoDbRulesRepository(this.documentClient, {
      tableName: this.target.config.rulesTable,
    });
  }

  /** The provisioned state. */
  provisionedState(): DynamoDbProvisionedStateRepository {
    return new DynamoDbProvisionedStateRepository(this.documentClient, {
      tableName: this.target.config.stateTable,
    });
  }

  /** The audit log. */
  audit(): DynamoDbAuditLog {
    return new DynamoDbAuditLog(this.documentClient, {
      tableName: this.target.config.auditTable,
      retentionDays: this.target.config.auditRetentionDays,
    });
  }

  /** Once-only markers. */
  markers(): DynamoDbIdempotencyStore {
    return new DynamoDbIdempotencyStore(this.documentClient, {
      tableName: this.target.config.idempotencyTable,
    });
  }

  /** The operations FIFO queue. */
  queue(): SqsOperationQueue {
    return new SqsOperationQueue(sqsClient(this.target), {
      queueUrl: this.target.config.operationsQueueUrl,
    });
  }

  /** SNS publishing (failure topic and notification topics). */
  topicPublisher(): SnsTopicPublisher {
    this.topics ??= new SnsTopicPublisher(snsClient(this.target));
    return this.topics;
  }

  /** The failure topic. */
  failures() {
    return topicFailureReporter(this.topicPublisher(), this.target.config.failureTopicArn);
  }
}

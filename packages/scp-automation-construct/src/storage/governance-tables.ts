/**
 * The product's DynamoDB tables: on-demand, point-in-time recovery, encrypted with the
 * customer-managed key.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** Key attribute names shared by the rules, state and audit tables. */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

/** The provisioned-state GSI answering "which items of account A exist because of tag key K". */
export const STATE_TAG_KEY_INDEX = {
  indexName: 'byAccountTagKey',
  /** `<accountId>#<tagKey>`, written once per tag key of an item's rules. */
  partitionKey: 'accountTagKey',
  sortKey: 'sk',
} as const;

/** TTL attribute of the audit table (epoch seconds). */
export const AUDIT_TTL_ATTRIBUTE = 'expiresAt';

/** Powertools idempotency layout: partition key `id`, TTL attribute `expiration`. */
export const IDEMPOTENCY_KEYS = { partitionKey: 'id', ttlAttribute: 'expiration' } as const;

/** Settings of the {@link GovernanceTables}. */
export interface GovernanceTablesProps {
  /** Key encrypting every table. */
  readonly encryptionKey: kms.IKey;
  /** What happens to the tables when the stack is deleted. */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The four tables: rules, provisioned state, audit log and idempotency records.
 *
 * @example
 * ```ts
 * const tables = new GovernanceTables(this, 'Tables', { encryptionKey: key, removalPolicy: RemovalPolicy.RETAIN });
 * tables.rules.grantReadData(fn);
 * ```
 */
export class GovernanceTables extends Construct {
  /** Governance rules (the configuration written at deploy time and by `orgctl rules apply`). */
  readonly rules: dynamodb.Table;
  /** Which rules justify each attachment/assignment the product provisioned. */
  readonly state: dynamodb.Table;
  /** Operation log: every event, plan and operation outcome, expiring after the retention. */
  readonly audit: dynamodb.Table;
  /** Idempotency records (Powertools) and once-only side-effect markers. */
  readonly idempotency: dynamodb.Table;

  constructor(scope: Construct, id: string, props: GovernanceTablesProps) {
    super(scope, id);
    this.rules = this.table('Rules', props, {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: dynamodb.AttributeType.STRING },
    });
    this.state = this.table('ProvisionedState', props, {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: dynamodb.AttributeType.STRING },
    });
    this.state.addGlobalSecondaryIndex({
      indexName: STATE_TAG_KEY_INDEX.indexName,
      partitionKey: { name: STATE_TAG_KEY_INDEX.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: STATE_TAG_KEY_INDEX.sortKey, type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });
    this.audit = this.table('AuditLog', props, {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: dynamodb.AttributeType.STRING },
      timeToLiveAttribute: AUDIT_TTL_ATTRIBUTE,
    });
    this.idempotency = this.table('Idempotency', props, {
      partitionKey: { name: IDEMPOTENCY_KEYS.partitionKey, type: dynamodb.AttributeType.STRING },
      timeToLiveAttribute: IDEMPOTENCY_KEYS.ttlAttribute,
    });
  }

  private table(
    id: string,
    props: GovernanceTablesProps,
    keys: Pick<dynamodb.TableProps, 'partitionKey' | 'sortKey' | 'timeToLiveAttribute'>,
  ): dynamodb.Table {
    return new dynamodb.Table(this, id, {
      ...keys,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.encryptionKey,
      removalPolicy: props.removalPolicy,
      deletionProtection: props.removalPolicy === RemovalPolicy.RETAIN,
    });
  }
}

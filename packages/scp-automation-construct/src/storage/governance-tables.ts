/**
 * The product's DynamoDB tables: on-demand, point-in-time recovery, encrypted with the
 * customer-managed key. Key designs follow `@org/aws-adapters` (`dynamodb/table-designs.ts`),
 * which reads and writes them; this package may not import it, so
 * `tools/workspace-checks/src/table-designs.spec.ts` checks the synthesized tables against it.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** Key attribute names of every table (string keys). */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

/** The rules-table GSI answering "rules whose scope is X" (seed 001's scopeType + scopeValue). */
export const RULES_SCOPE_INDEX = {
  indexName: 'byScope',
  partitionKey: 'scopeKey',
  sortKey: 'scopeSort',
} as const;

/** TTL attribute (epoch seconds) of the audit and idempotency tables. */
export const TTL_ATTRIBUTE = 'expiresAt';

/** Settings of the {@link GovernanceTables}. */
export interface GovernanceTablesProps {
  /** Key encrypting every table. */
  readonly encryptionKey: kms.IKey;
  /** What happens to the tables when the stack is deleted. */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The four tables: rules, provisioned state, audit log and idempotency markers.
 *
 * The provisioned-state lookup by account + tag key needs no index: items live in the account's
 * partition (`pk=ACCOUNT#<id>`) with a copy under `sk=TAG#<key>#…` per tag key of their rules,
 * so one Query with `begins_with(sk, 'TAG#<key>#')` answers it.
 *
 * @example
 * ```ts
 * const tables = new GovernanceTables(this, 'Tables', { encryptionKey: key, removalPolicy: RemovalPolicy.RETAIN });
 * ```
 */
export class GovernanceTables extends Construct {
  /** Governance rules: `CONFIG/CURRENT` pointer and one item per rule (written by `orgctl rules apply`). */
  readonly rules: dynamodb.Table;
  /** Which rules justify each attachment/assignment the product provisioned. */
  readonly state: dynamodb.Table;
  /** Operation log: every event, plan and operation outcome, expiring after the retention. */
  readonly audit: dynamodb.Table;
  /** Once-only markers (Support case per account and notification, Identity Center quota). */
  readonly idempotency: dynamodb.Table;

  constructor(scope: Construct, id: string, props: GovernanceTablesProps) {
    super(scope, id);
    const pkSk = {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: dynamodb.AttributeType.STRING },
    };
    this.rules = this.table('Rules', props, pkSk);
    this.rules.addGlobalSecondaryIndex({
      indexName: RULES_SCOPE_INDEX.indexName,
      partitionKey: { name: RULES_SCOPE_INDEX.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: RULES_SCOPE_INDEX.sortKey, type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });
    this.state = this.table('ProvisionedState', props, pkSk);
    this.audit = this.table('AuditLog', props, { ...pkSk, timeToLiveAttribute: TTL_ATTRIBUTE });
    this.idempotency = this.table('Idempotency', props, {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: dynamodb.AttributeType.STRING },
      timeToLiveAttribute: TTL_ATTRIBUTE,
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

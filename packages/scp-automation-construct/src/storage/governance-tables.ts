/**
 * The product's DynamoDB tables: on-demand, point-in-time recovery, encrypted with the
 * customer-managed key. Keys, indexes and TTL come from `TABLE_DESIGNS` of `@org/contracts`,
 * the same designs the adapters, tests and local runs create their tables from.
 */
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { type GovernanceTableName, TABLE_DESIGNS, type TableDesign } from '@org/contracts';

/** A string key attribute. */
function stringKey(name: string): dynamodb.Attribute {
  return { name, type: dynamodb.AttributeType.STRING };
}

/** Settings of the {@link GovernanceTables}. */
export interface GovernanceTablesProps {
  /** Key encrypting every table. */
  readonly encryptionKey: kms.IKey;
  /** What happens to the tables when the stack is deleted. */
  readonly removalPolicy: RemovalPolicy;
  /** Backup plan the created tables join. @default - point-in-time recovery only */
  readonly backupPlan?: backup.IBackupPlan;
  /** Tables to use instead of creating them. @default - every table is created */
  readonly existing?: Partial<Readonly<Record<GovernanceTableName, dynamodb.ITable>>>;
}

/**
 * The five tables: rules, provisioned state, audit log, idempotency markers and the tag ledger.
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
  readonly rules: dynamodb.ITable;
  /** Which rules justify each attachment/assignment the product provisioned. */
  readonly state: dynamodb.ITable;
  /** Operation log: every event, plan and operation outcome, expiring after the retention. */
  readonly audit: dynamodb.ITable;
  /** Once-only markers (Support case per account and notification, Identity Center quota). */
  readonly idempotency: dynamodb.ITable;
  /** Who last set or removed each account tag (tag trust: `trustedTagPrincipals`). */
  readonly tagLedger: dynamodb.ITable;

  constructor(scope: Construct, id: string, props: GovernanceTablesProps) {
    super(scope, id);
    // These construct ids fix the tables' logical ids: changing one replaces a retained table
    // (test/org-governance.upgrade.spec.ts pins them).
    this.rules = props.existing?.rules ?? this.table('Rules', props, 'rules');
    this.state = props.existing?.state ?? this.table('ProvisionedState', props, 'state');
    this.audit = props.existing?.audit ?? this.table('AuditLog', props, 'audit');
    this.idempotency =
      props.existing?.idempotency ?? this.table('Idempotency', props, 'idempotency');
    this.tagLedger = props.existing?.tagLedger ?? this.table('TagLedger', props, 'tagLedger');
    const created = this.node.children.filter((child) => child instanceof dynamodb.Table);
    if (props.backupPlan !== undefined && created.length > 0) {
      const selection = new backup.BackupSelection(this, 'BackupSelection', {
        backupPlan: props.backupPlan,
        resources: created.map((table) => backup.BackupResource.fromDynamoDbTable(table)),
      });
      Validations.of(selection).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
        reason:
          'The role AWS Backup assumes to back the tables up carries the policy AWS maintains for it.',
      });
    }
  }

  /** One table built from its contract design. */
  private table(
    id: string,
    props: GovernanceTablesProps,
    name: GovernanceTableName,
  ): dynamodb.Table {
    const design: TableDesign = TABLE_DESIGNS[name];
    const table = new dynamodb.Table(this, id, {
      partitionKey: stringKey(design.partitionKey),
      sortKey: design.sortKey === undefined ? undefined : stringKey(design.sortKey),
      timeToLiveAttribute: design.ttlAttribute,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.encryptionKey,
      removalPolicy: props.removalPolicy,
      deletionProtection: props.removalPolicy === RemovalPolicy.RETAIN,
    });
    for (const index of design.globalIndexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    return table;
  }
}

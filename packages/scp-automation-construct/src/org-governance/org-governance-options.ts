/**
 * The escape hatches of {@link OrgGovernance}: function settings, bring-your-own key and
 * tables, alarm actions and the metrics namespace.
 */
import type * as backup from 'aws-cdk-lib/aws-backup';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { GovernanceAlarmActions } from '../alarms/alarm-actions';
import type {
  GovernanceFunctionOptions,
  GovernanceFunctionOverrides,
} from '../functions/function-options';

/**
 * Tables of an earlier deployment to use instead of creating new ones (e.g. after the retained
 * tables of a deleted stack were kept). Each must have the key schema of `TABLE_DESIGNS` and be
 * encrypted with `encryptionKey` (or an AWS key).
 *
 * @example
 * ```ts
 * const existingTables: GovernanceExistingTables = {
 *   rules: dynamodb.Table.fromTableName(stack, 'Rules', 'OrgGovernance-Central-RulesTable1A2B3C'),
 * };
 * ```
 */
export interface GovernanceExistingTables {
  /**
   * The rules table.
   * @default - a new table
   */
  readonly rules?: dynamodb.ITable;
  /**
   * The provisioned-state table.
   * @default - a new table
   */
  readonly state?: dynamodb.ITable;
  /**
   * The audit log table.
   * @default - a new table
   */
  readonly audit?: dynamodb.ITable;
  /**
   * The idempotency table.
   * @default - a new table
   */
  readonly idempotency?: dynamodb.ITable;
}

/**
 * Props of {@link OrgGovernance} that change how its resources are built rather than what the
 * product does.
 *
 * @example
 * ```ts
 * const options: OrgGovernanceOptions = {
 *   functionDefaults: { tracing: lambda.Tracing.ACTIVE, vpc },
 *   functions: { reconciler: { memorySize: 2048 } },
 *   encryptionKey: platformKey,
 *   alarmActions: { critical: [new actions.SnsAction(pager)] },
 *   metricsNamespace: 'OrgGovernance/Sandbox',
 * };
 * ```
 */
export interface OrgGovernanceOptions {
  /**
   * Settings of all four functions (tracing, VPC, memory, architecture, runtime, log retention,
   * reserved concurrency).
   * @default - the product's settings per function
   */
  readonly functionDefaults?: GovernanceFunctionOptions;

  /**
   * Settings of one function, over `functionDefaults`.
   * @default - `functionDefaults`
   */
  readonly functions?: GovernanceFunctionOverrides;

  /**
   * KMS key of every table, queue, topic and log group. A key of this stack (`kms.Key`) gets the
   * statements CloudWatch Logs, CloudWatch alarms and EventBridge need added to its policy; an
   * imported key's policy must allow them already (see the README).
   * @default - a new rotating key
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * Extra alarm actions per severity (every alarm notifies the failure topic too).
   * @default - the failure topic only
   */
  readonly alarmActions?: GovernanceAlarmActions;

  /**
   * CloudWatch namespace the functions publish their metrics to (`POWERTOOLS_METRICS_NAMESPACE`)
   * and the alarms, dashboard and `metric*` methods read. Two `OrgGovernance`s in one account and
   * region need different namespaces; in one stack, synthesis refuses a repeated one.
   * @default 'OrgGovernance' - the handlers' namespace
   */
  readonly metricsNamespace?: string;

  /**
   * AWS Backup plan the tables this construct creates are added to (on top of point-in-time
   * recovery), e.g. for NIST 800-53 `DynamoDBInBackupPlan`.
   * @default - point-in-time recovery only
   */
  readonly backupPlan?: backup.IBackupPlan;

  /**
   * Existing tables to use instead of creating them.
   * @default - every table is created
   */
  readonly existingTables?: GovernanceExistingTables;

  /**
   * Worker invocations at once: the operations queue's maximum concurrency (2 to 10). Identity
   * Center allows about 20 admin requests per second and 10 outstanding assignment creations per
   * instance; a worker holds one creation while it polls, so 10 workers can keep all 10 in use.
   * @default 10
   */
  readonly workerMaxConcurrency?: number;
}

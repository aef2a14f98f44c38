/**
 * The environment variables the construct gives the Lambda functions — the contract between
 * this package and apps/handlers. One map, so names are defined in exactly one place.
 */

/**
 * Environment variable names read by the handlers.
 *
 * @example
 * ```ts
 * const tableName = process.env[HANDLER_ENV.rulesTable]; // in a handler
 * ```
 */
export const HANDLER_ENV = {
  /** Rules table name (written by `orgctl rules apply`; `byScope` index for rule look-ups). */
  rulesTable: 'RULES_TABLE',
  /** Provisioned-state table name (which rules justify each attachment/assignment). */
  stateTable: 'STATE_TABLE',
  /** Audit (operation log) table name. */
  auditTable: 'AUDIT_TABLE',
  /** Days an audit entry is kept (its `expiresAt` TTL = write time + this). */
  auditRetentionDays: 'AUDIT_RETENTION_DAYS',
  /** Idempotency table name (once-only markers, Identity Center quota leases). */
  idempotencyTable: 'IDEMPOTENCY_TABLE',
  /** URL of the operations FIFO queue. */
  operationsQueueUrl: 'OPERATIONS_QUEUE_URL',
  /** ARN of the failure SNS topic every function reports to. */
  failureTopicArn: 'FAILURE_TOPIC_ARN',
  /** The organization's management account id. */
  managementAccountId: 'MANAGEMENT_ACCOUNT_ID',
  /** IAM Identity Center instance ARN (empty: discover with sso:ListInstances). */
  ssoInstanceArn: 'SSO_INSTANCE_ARN',
  /** Identity Store id (empty: discover with sso:ListInstances). */
  identityStoreId: 'IDENTITY_STORE_ID',
  /** Role to assume for SSO Admin / Identity Store calls (delegated admin; empty: none). */
  ssoRoleArn: 'SSO_ROLE_ARN',
  /** The operations queue's `maxReceiveCount` (the worker reports an operation's last attempt). */
  operationsMaxReceiveCount: 'OPERATIONS_MAX_RECEIVE_COUNT',
  /** Reconciler: plan and report drift only, enqueue nothing (`true`/`false`). */
  reconcileDryRun: 'DRY_RUN',
  /** Longest time the worker polls an assignment's creation/deletion status before re-queueing. */
  statusWaitSeconds: 'STATUS_WAIT_SECONDS',
  /** Powertools service name (a dimension of every custom metric). */
  serviceName: 'POWERTOOLS_SERVICE_NAME',
  /** Powertools metrics (EMF) namespace. */
  metricsNamespace: 'POWERTOOLS_METRICS_NAMESPACE',
  /** Powertools log level: DEBUG, INFO, WARN or ERROR. */
  logLevel: 'POWERTOOLS_LOG_LEVEL',
} as const;

/** Key of one of the {@link HANDLER_ENV} entries. */
export type HandlerEnvKey = keyof typeof HANDLER_ENV;

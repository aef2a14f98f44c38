/**
 * Every environment variable a Lambda handler reads — the one place their names are written.
 * The handlers parse them with `parseHandlerEnvironment`; the construct sets them by key.
 */
import type { VariableSpec } from './variable-spec';

/** An IAM role ARN. */
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** An AWS region name such as `eu-west-1` or `us-gov-west-1`. */
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/** Log levels of the Powertools logger (`POWERTOOLS_LOG_LEVEL`). */
export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT'] as const;

/** One of {@link LOG_LEVELS}. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Days an audit entry is kept when `AUDIT_RETENTION_DAYS` is unset (the construct's default too). */
export const DEFAULT_AUDIT_RETENTION_DAYS = 365;

/**
 * Longest time, in seconds, the worker polls one assignment's status in one invocation before it
 * re-queues the status check (`STATUS_WAIT_SECONDS`): the runtime's default poll budget and the
 * construct's default `assignmentStatusWait`, so a status check never blocks a worker longer.
 */
export const DEFAULT_STATUS_WAIT_SECONDS = 20;

/** Seconds the planners cache the rules and the directory view when `RULES_CACHE_TTL_SECONDS` is unset. */
export const DEFAULT_RULES_CACHE_TTL_SECONDS = 60;

/**
 * The handlers' environment variables by key.
 *
 * @example
 * ```ts
 * HANDLER_VARIABLES.rulesTable.name; // 'RULES_TABLE'
 * ```
 */
export const HANDLER_VARIABLES = {
  region: {
    name: 'AWS_REGION',
    setBy: 'lambda',
    type: 'string',
    required: true,
    description: 'The function’s region (set by Lambda).',
  },
  endpointUrl: {
    name: 'AWS_ENDPOINT_URL',
    setBy: 'local',
    type: 'string',
    required: false,
    description: 'One endpoint for every AWS service (local emulators); unset in Lambda.',
  },
  rulesTable: {
    name: 'RULES_TABLE',
    setBy: 'construct',
    type: 'string',
    required: true,
    description: 'Rules table name (written by `orgctl rules apply`).',
  },
  stateTable: {
    name: 'STATE_TABLE',
    setBy: 'construct',
    type: 'string',
    required: true,
    description: 'Provisioned-state table name (also holds the stored directory view).',
  },
  auditTable: {
    name: 'AUDIT_TABLE',
    setBy: 'construct',
    type: 'string',
    required: true,
    description: 'Audit (operation log) table name.',
  },
  auditRetentionDays: {
    name: 'AUDIT_RETENTION_DAYS',
    setBy: 'construct',
    type: 'number',
    required: false,
    default: DEFAULT_AUDIT_RETENTION_DAYS,
    min: 1,
    integer: true,
    description: 'Days an audit entry is kept (its TTL = write time + this).',
  },
  idempotencyTable: {
    name: 'IDEMPOTENCY_TABLE',
    setBy: 'construct',
    type: 'string',
    required: true,
    description: 'Idempotency table name (once-only markers, Identity Center quota leases).',
  },
  tagLedgerTable: {
    name: 'TAG_LEDGER_TABLE',
    setBy: 'construct',
    type: 'string',
    required: false,
    description:
      'Tag ledger table name (who last set each account tag); unset: no ledger, so with `trustedTagPrincipals` no tag is trusted.',
  },
  operationsQueueUrl: {
    name: 'OPERATIONS_QUEUE_URL',
    setBy: 'construct',
    type: 'string',
    required: true,
    description: 'URL of the operations FIFO queue.',
  },
  failureTopicArn: {
    name: 'FAILURE_TOPIC_ARN',
    setBy: 'construct',
    type: 'string',
    required: true,
    description: 'ARN of the failure SNS topic every function reports to.',
  },
  rulesCacheTtlSeconds: {
    name: 'RULES_CACHE_TTL_SECONDS',
    setBy: 'construct',
    type: 'number',
    required: false,
    default: DEFAULT_RULES_CACHE_TTL_SECONDS,
    min: 0,
    description: 'Seconds the rules and the stored directory view are cached per container.',
  },
  ssoRoleArn: {
    name: 'SSO_ROLE_ARN',
    setBy: 'construct',
    type: 'string',
    required: false,
    pattern: { regex: ROLE_ARN, description: 'an IAM role ARN' },
    description: 'Role assumed for SSO Admin and Identity Store calls (delegated administrator).',
  },
  productRoleArns: {
    name: 'PRODUCT_ROLE_ARNS',
    setBy: 'construct',
    type: 'string',
    required: false,
    pattern: {
      regex:
        /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=.@/-]{1,512}(?: arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=.@/-]{1,512})*$/,
      description: 'IAM role ARNs separated by spaces',
    },
    description:
      'The product’s own roles (worker, reconciler), space-separated: their AttachPolicy / DetachPolicy and assignment calls, assumed-role sessions included, are the product’s own (OwnChange), not changes made by hand.',
  },
  ssoInstanceArn: {
    name: 'SSO_INSTANCE_ARN',
    setBy: 'construct',
    type: 'string',
    required: false,
    description: 'IAM Identity Center instance ARN (unset: discovered with sso:ListInstances).',
  },
  identityStoreId: {
    name: 'IDENTITY_STORE_ID',
    setBy: 'construct',
    type: 'string',
    required: false,
    description: 'Identity Store id (unset: discovered with sso:ListInstances).',
  },
  identityCenterRegion: {
    name: 'IDENTITY_CENTER_REGION',
    setBy: 'construct',
    type: 'string',
    required: false,
    pattern: { regex: REGION, description: 'an AWS region such as eu-west-1' },
    description:
      'Home region of IAM Identity Center: where the SSO Admin and Identity Store clients connect (unset: the function’s region; STS, which assumes `SSO_ROLE_ARN`, stays in the function’s region).',
  },
  statusWaitSeconds: {
    name: 'STATUS_WAIT_SECONDS',
    setBy: 'construct',
    type: 'number',
    required: true,
    min: 1,
    description:
      'Longest time the worker polls an assignment’s status before re-queueing (its timeout is 30 s more).',
  },
  statusFirstPollMs: {
    name: 'STATUS_FIRST_POLL_MS',
    setBy: 'construct',
    type: 'number',
    required: false,
    min: 0,
    description: 'Milliseconds before the worker first polls an assignment’s status.',
  },
  identityCenterRequestsPerSecond: {
    name: 'IDENTITY_CENTER_REQUESTS_PER_SECOND',
    setBy: 'construct',
    type: 'number',
    required: false,
    min: 0.1,
    description:
      'Identity Center requests per second every caller shares (processor, worker, reconciler).',
  },
  identityCenterMaxOutstandingCreates: {
    name: 'IDENTITY_CENTER_MAX_OUTSTANDING_CREATES',
    setBy: 'construct',
    type: 'number',
    required: false,
    min: 1,
    integer: true,
    description: 'Assignment creations in progress at once, across all workers.',
  },
  organizationsReadsPerSecond: {
    name: 'ORGANIZATIONS_READS_PER_SECOND',
    setBy: 'construct',
    type: 'number',
    required: false,
    min: 0.1,
    description:
      'Organizations read requests per second every caller shares (unset: 5, the published figure).',
  },
  organizationsWritesPerSecond: {
    name: 'ORGANIZATIONS_WRITES_PER_SECOND',
    setBy: 'construct',
    type: 'number',
    required: false,
    min: 0.1,
    description:
      'Organizations write requests (AttachPolicy, DetachPolicy) per second every caller shares (unset: 2, the published figure).',
  },
  operationsMaxReceiveCount: {
    name: 'OPERATIONS_MAX_RECEIVE_COUNT',
    setBy: 'construct',
    type: 'number',
    required: true,
    min: 1,
    integer: true,
    description: 'The operations queue’s maxReceiveCount (the worker reports a last attempt).',
  },
  dryRun: {
    name: 'DRY_RUN',
    setBy: 'construct',
    type: 'boolean',
    default: false,
    description: 'Reconciler: scheduled runs report drift only and enqueue nothing.',
  },
  metricsNamespace: {
    name: 'POWERTOOLS_METRICS_NAMESPACE',
    setBy: 'construct',
    type: 'string',
    required: false,
    description:
      'CloudWatch namespace of the custom metrics (unset: `METRICS_NAMESPACE`); the construct’s alarms read the same one.',
  },
  logLevel: {
    name: 'POWERTOOLS_LOG_LEVEL',
    setBy: 'construct',
    type: 'choice',
    values: LOG_LEVELS,
    description: 'Log level of the Powertools logger (unset: INFO).',
  },
} as const satisfies Readonly<Record<string, VariableSpec>>;

/** Key of one of the {@link HANDLER_VARIABLES}. */
export type HandlerVariableKey = keyof typeof HANDLER_VARIABLES;

/**
 * Variable names by key: what a handler reads and what the construct sets.
 *
 * @example
 * ```ts
 * const environment = { [HANDLER_ENV.rulesTable]: table.tableName }; // in the construct
 * ```
 */
export const HANDLER_ENV = Object.fromEntries(
  Object.entries(HANDLER_VARIABLES).map(([key, spec]) => [key, spec.name]),
) as { readonly [Key in HandlerVariableKey]: (typeof HANDLER_VARIABLES)[Key]['name'] };

/** Variables given together or not at all (an Identity Center instance and its store). */
export const VARIABLE_PAIRS: readonly (readonly [HandlerVariableKey, HandlerVariableKey])[] = [
  ['ssoInstanceArn', 'identityStoreId'],
];

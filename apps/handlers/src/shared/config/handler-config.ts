import {
  type AssignmentPollingSettings,
  DEFAULT_ASSIGNMENT_POLLING,
  DEFAULT_IDENTITY_CENTER_QUOTA,
  type IdentityCenterQuotaSettings,
} from '@org/scope-engine';
import { type Environment, EnvReader } from './env-reader';

/** An IAM role ARN (as the construct validates `identityCenterRoleArn`). */
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/**
 * The typed configuration every function reads once at cold start. Variable names are the
 * contract with `@org/scp-automation-construct` (`HANDLER_ENV` in its `functions/handler-env.ts`);
 * the optional tuning variables default to the documented quotas.
 */
export interface HandlerConfig {
  /** `AWS_REGION` (set by Lambda). */
  readonly region: string;
  /** `AWS_ENDPOINT_URL`: one endpoint for every service (local emulators). @default AWS */
  readonly endpointUrl?: string;
  /** `RULES_TABLE` */
  readonly rulesTable: string;
  /** `STATE_TABLE` */
  readonly stateTable: string;
  /** `AUDIT_TABLE` */
  readonly auditTable: string;
  /** `AUDIT_RETENTION_DAYS` @default 400 */
  readonly auditRetentionDays: number;
  /** `IDEMPOTENCY_TABLE` (once-only markers and the shared Identity Center quota). */
  readonly idempotencyTable: string;
  /** `OPERATIONS_QUEUE_URL` */
  readonly operationsQueueUrl: string;
  /** `FAILURE_TOPIC_ARN` */
  readonly failureTopicArn: string;
  /**
   * `SSO_ROLE_ARN`: the Identity Center delegated administrator role that SSO Admin and Identity
   * Store calls assume. @default the function role
   */
  readonly identityCenterRoleArn?: string;
  /** `SSO_INSTANCE_ARN` and `IDENTITY_STORE_ID` (both, or neither: discovered). */
  readonly identityCenterInstance?: {
    readonly instanceArn: string;
    readonly identityStoreId: string;
  };
  /** `RULES_CACHE_TTL_SECONDS` × 1000. @default 60000 */
  readonly rulesCacheTtlMs: number;
  /** Worker: `STATUS_WAIT_SECONDS`, `STATUS_FIRST_POLL_MS`. */
  readonly polling: AssignmentPollingSettings;
  /** Worker: `IDENTITY_CENTER_REQUESTS_PER_SECOND`, `IDENTITY_CENTER_MAX_OUTSTANDING_CREATES`. */
  readonly quota: IdentityCenterQuotaSettings;
  /** Worker: `OPERATIONS_MAX_RECEIVE_COUNT`, the queue's redrive limit. @default Infinity */
  readonly maxReceiveCount: number;
  /** Reconciler: `DRY_RUN`. @default false */
  readonly dryRun: boolean;
}

/**
 * Reads and checks the environment; every problem is reported at once.
 *
 * @throws {HandlerConfigError} listing each missing or invalid variable.
 * @example
 * ```ts
 * const config = readHandlerConfig(process.env, 'operations-worker');
 * ```
 */
export function readHandlerConfig(env: Environment, functionName: string): HandlerConfig {
  const read = new EnvReader(env, functionName);
  const instanceArn = read.optionalString('SSO_INSTANCE_ARN');
  const identityStoreId = read.optionalString('IDENTITY_STORE_ID');
  const endpointUrl = read.optionalString('AWS_ENDPOINT_URL');
  const roleArn = read.optionalString('SSO_ROLE_ARN');
  const config: HandlerConfig = {
    region: read.string('AWS_REGION'),
    ...(endpointUrl === undefined ? {} : { endpointUrl }),
    rulesTable: read.string('RULES_TABLE'),
    stateTable: read.string('STATE_TABLE'),
    auditTable: read.string('AUDIT_TABLE'),
    auditRetentionDays: read.number('AUDIT_RETENTION_DAYS', 400, { min: 1, integer: true }),
    idempotencyTable: read.string('IDEMPOTENCY_TABLE'),
    operationsQueueUrl: read.string('OPERATIONS_QUEUE_URL'),
    failureTopicArn: read.string('FAILURE_TOPIC_ARN'),
    ...(roleArn === undefined ? {} : { identityCenterRoleArn: roleArn }),
    ...(instanceArn !== undefined && identityStoreId !== undefined
      ? { identityCenterInstance: { instanceArn, identityStoreId } }
      : {}),
    rulesCacheTtlMs: 1000 * read.number('RULES_CACHE_TTL_SECONDS', 60, { min: 0 }),
    polling: {
      ...DEFAULT_ASSIGNMENT_POLLING,
      pollBudgetMs:
        1000 *
        read.number('STATUS_WAIT_SECONDS', DEFAULT_ASSIGNMENT_POLLING.pollBudgetMs / 1000, {
          min: 1,
        }),
      firstPollDelayMs: read.number(
        'STATUS_FIRST_POLL_MS',
        DEFAULT_ASSIGNMENT_POLLING.firstPollDelayMs,
        {
          min: 0,
        },
      ),
    },
    quota: {
      ...DEFAULT_IDENTITY_CENTER_QUOTA,
      requestsPerSecond: read.number(
        'IDENTITY_CENTER_REQUESTS_PER_SECOND',
        DEFAULT_IDENTITY_CENTER_QUOTA.requestsPerSecond,
        { min: 0.1 },
      ),
      maxOutstandingCreates: read.number(
        'IDENTITY_CENTER_MAX_OUTSTANDING_CREATES',
        DEFAULT_IDENTITY_CENTER_QUOTA.maxOutstandingCreates,
        { min: 1, integer: true },
      ),
    },
    maxReceiveCount: read.number('OPERATIONS_MAX_RECEIVE_COUNT', Number.POSITIVE_INFINITY, {
      min: 1,
      integer: true,
    }),
    dryRun: read.boolean('DRY_RUN', false),
  };
  if (roleArn !== undefined && !ROLE_ARN.test(roleArn)) {
    read.problem('SSO_ROLE_ARN', `must be an IAM role ARN, got "${roleArn}"`);
  }
  if ((instanceArn === undefined) !== (identityStoreId === undefined)) {
    read.problem(
      instanceArn === undefined ? 'SSO_INSTANCE_ARN' : 'IDENTITY_STORE_ID',
      'is required when the other of SSO_INSTANCE_ARN / IDENTITY_STORE_ID is set',
    );
  }
  read.done();
  return config;
}

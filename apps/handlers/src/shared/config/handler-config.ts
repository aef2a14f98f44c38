import { type Environment, type HandlerEnvironment, parseHandlerEnvironment } from '@org/contracts';
import {
  type AssignmentPollingSettings,
  DEFAULT_ASSIGNMENT_POLLING,
  DEFAULT_IDENTITY_CENTER_QUOTA,
  type IdentityCenterQuotaSettings,
  PUBLISHED_SERVICE_RATES,
} from '@org/governance-runtime';

/** What every function reads (variable names and defaults: `HANDLER_VARIABLES` of `@org/contracts`). */
export interface BaseConfig {
  /** `AWS_REGION` (set by Lambda). */
  readonly region: string;
  /** `AWS_ENDPOINT_URL`: one endpoint for every service (local emulators). @default AWS */
  readonly endpointUrl?: string;
  readonly rulesTable: string;
  readonly auditTable: string;
  readonly auditRetentionDays: number;
  readonly failureTopicArn: string;
  /** `RULES_CACHE_TTL_SECONDS` × 1000. */
  readonly rulesCacheTtlMs: number;
}

/** Where Identity Center clients connect (processor, worker and reconciler). */
export interface IdentityCenterConfig {
  /** `SSO_ROLE_ARN`: the delegated administrator role to assume. @default the function role */
  readonly identityCenterRoleArn?: string;
  /**
   * `IDENTITY_CENTER_REGION`: Identity Center's home region, where the SSO Admin and Identity
   * Store clients connect (STS stays in the function's region). @default the function's region
   */
  readonly identityCenterRegion?: string;
  /** `SSO_INSTANCE_ARN` and `IDENTITY_STORE_ID` (both, or neither: discovered). */
  readonly identityCenterInstance?: {
    readonly instanceArn: string;
    readonly identityStoreId: string;
  };
}

/** The Organizations rates every caller shares (one read and one write budget). */
export interface OrganizationsRates {
  readonly readsPerSecond: number;
  readonly writesPerSecond: number;
}

/** The org events processor's configuration. */
export interface ProcessorConfig extends BaseConfig, IdentityCenterConfig {
  /** `PRODUCT_ROLE_ARNS`: the product's own roles (their changes are `OwnChange`). @default none */
  readonly productRoleArns?: readonly string[];
  readonly stateTable: string;
  readonly idempotencyTable: string;
  readonly operationsQueueUrl: string;
  /** `TAG_LEDGER_TABLE`: who last set each account tag. @default no ledger */
  readonly tagLedgerTable?: string;
  /** `ORGANIZATIONS_*_PER_SECOND`: the Organizations budget every caller shares. */
  readonly organizationsRates: OrganizationsRates;
  /**
   * `IDENTITY_CENTER_REQUESTS_PER_SECOND` over the published rate: the Identity Center rate every
   * caller shares (the processor names principals with it).
   */
  readonly quota: IdentityCenterQuotaSettings;
}

/** The operations worker's configuration. */
export interface WorkerConfig extends ProcessorConfig, IdentityCenterConfig {
  /** `STATUS_WAIT_SECONDS`, `STATUS_FIRST_POLL_MS` over the engine's defaults. */
  readonly polling: AssignmentPollingSettings;
  /** `IDENTITY_CENTER_*` over the engine's defaults. */
  readonly quota: IdentityCenterQuotaSettings;
  /** `OPERATIONS_MAX_RECEIVE_COUNT`, the queue's redrive limit. */
  readonly maxReceiveCount: number;
}

/** The vending notifier's configuration. */
export interface NotifierConfig extends BaseConfig {
  readonly idempotencyTable: string;
}

/** The reconciler's configuration. */
export interface ReconcilerConfig extends BaseConfig, IdentityCenterConfig {
  readonly stateTable: string;
  readonly operationsQueueUrl: string;
  /** `DRY_RUN` */
  readonly dryRun: boolean;
  /** `IDEMPOTENCY_TABLE`: a sharded run's checkpoints and the shared quota. */
  readonly idempotencyTable: string;
  /** `IDENTITY_CENTER_*` over the engine's defaults (the rate every caller shares). */
  readonly quota: IdentityCenterQuotaSettings;
  /** `ORGANIZATIONS_*_PER_SECOND` over the published 5 reads/s and 2 writes/s. */
  readonly organizationsRates: OrganizationsRates;
  /** `TAG_LEDGER_TABLE`: who last set each account tag. @default no ledger */
  readonly tagLedgerTable?: string;
}

/** Any function's configuration (the union of what the four read). */
export type HandlerConfig = WorkerConfig & ReconcilerConfig;

/** The parts every function shares. */
function baseConfig(
  env: Omit<HandlerEnvironment<'vending-notifier'>, 'idempotencyTable'>,
): BaseConfig {
  return {
    region: env.region,
    ...(env.endpointUrl === undefined ? {} : { endpointUrl: env.endpointUrl }),
    rulesTable: env.rulesTable,
    auditTable: env.auditTable,
    auditRetentionDays: env.auditRetentionDays,
    failureTopicArn: env.failureTopicArn,
    rulesCacheTtlMs: 1000 * env.rulesCacheTtlSeconds,
  };
}

/** The Identity Center target of the processor, the worker and the reconciler. */
function identityCenterConfig(
  env: Pick<
    HandlerEnvironment<'reconciler'>,
    'ssoRoleArn' | 'ssoInstanceArn' | 'identityStoreId' | 'identityCenterRegion'
  >,
): IdentityCenterConfig {
  return {
    ...(env.ssoRoleArn === undefined ? {} : { identityCenterRoleArn: env.ssoRoleArn }),
    ...(env.identityCenterRegion === undefined
      ? {}
      : { identityCenterRegion: env.identityCenterRegion }),
    ...(env.ssoInstanceArn !== undefined && env.identityStoreId !== undefined
      ? {
          identityCenterInstance: {
            instanceArn: env.ssoInstanceArn,
            identityStoreId: env.identityStoreId,
          },
        }
      : {}),
  };
}

/** `{ tagLedgerTable }` when `TAG_LEDGER_TABLE` is set, else nothing. */
function tagLedgerConfig(env: { readonly tagLedgerTable?: string }): {
  readonly tagLedgerTable?: string;
} {
  return env.tagLedgerTable === undefined ? {} : { tagLedgerTable: env.tagLedgerTable };
}

/** `value` when set, else `fallback`. */
const or = (value: number | undefined, fallback: number): number => value ?? fallback;

/** The Identity Center quota: `IDENTITY_CENTER_*` over the published defaults. */
function quotaSettings(
  env: Pick<
    HandlerEnvironment<'reconciler'>,
    'identityCenterRequestsPerSecond' | 'identityCenterMaxOutstandingCreates'
  >,
): IdentityCenterQuotaSettings {
  return {
    ...DEFAULT_IDENTITY_CENTER_QUOTA,
    requestsPerSecond: or(
      env.identityCenterRequestsPerSecond,
      DEFAULT_IDENTITY_CENTER_QUOTA.requestsPerSecond,
    ),
    maxOutstandingCreates: or(
      env.identityCenterMaxOutstandingCreates,
      DEFAULT_IDENTITY_CENTER_QUOTA.maxOutstandingCreates,
    ),
  };
}

/** The Organizations rates: `ORGANIZATIONS_*_PER_SECOND` over the published 5 reads/s and 2 writes/s. */
function organizationsRates(
  env: Pick<
    HandlerEnvironment<'reconciler'>,
    'organizationsReadsPerSecond' | 'organizationsWritesPerSecond'
  >,
): OrganizationsRates {
  return {
    readsPerSecond: or(
      env.organizationsReadsPerSecond,
      PUBLISHED_SERVICE_RATES.organizationsReadsPerSecond,
    ),
    writesPerSecond: or(
      env.organizationsWritesPerSecond,
      PUBLISHED_SERVICE_RATES.organizationsWritesPerSecond,
    ),
  };
}

/**
 * The processor's configuration, read once at cold start.
 *
 * @throws {HandlerEnvironmentError} listing each missing or invalid variable.
 * @example
 * ```ts
 * const config = readProcessorConfig(process.env);
 * ```
 */
export function readProcessorConfig(env: Environment): ProcessorConfig {
  const parsed = parseHandlerEnvironment('org-events-processor', env);
  return {
    ...baseConfig(parsed),
    stateTable: parsed.stateTable,
    idempotencyTable: parsed.idempotencyTable,
    operationsQueueUrl: parsed.operationsQueueUrl,
    ...tagLedgerConfig(parsed),
    ...identityCenterConfig(parsed),
    ...(parsed.productRoleArns === undefined
      ? {}
      : { productRoleArns: parsed.productRoleArns.split(' ') }),
    organizationsRates: organizationsRates(parsed),
    quota: quotaSettings({
      identityCenterRequestsPerSecond: parsed.identityCenterRequestsPerSecond,
      identityCenterMaxOutstandingCreates: undefined,
    }),
  };
}

/**
 * The worker's configuration: polling and quota tunables over the engine's defaults.
 *
 * @throws {HandlerEnvironmentError} listing each missing or invalid variable.
 * @example
 * ```ts
 * const config = readWorkerConfig(process.env);
 * ```
 */
export function readWorkerConfig(env: Environment): WorkerConfig {
  const parsed = parseHandlerEnvironment('operations-worker', env);
  return {
    ...baseConfig(parsed),
    stateTable: parsed.stateTable,
    idempotencyTable: parsed.idempotencyTable,
    operationsQueueUrl: parsed.operationsQueueUrl,
    ...identityCenterConfig(parsed),
    polling: {
      ...DEFAULT_ASSIGNMENT_POLLING,
      pollBudgetMs: 1000 * parsed.statusWaitSeconds,
      firstPollDelayMs: or(parsed.statusFirstPollMs, DEFAULT_ASSIGNMENT_POLLING.firstPollDelayMs),
    },
    quota: quotaSettings(parsed),
    maxReceiveCount: parsed.operationsMaxReceiveCount,
    ...tagLedgerConfig(parsed),
    organizationsRates: organizationsRates(parsed),
  };
}

/**
 * The notifier's configuration.
 *
 * @throws {HandlerEnvironmentError} listing each missing or invalid variable.
 * @example
 * ```ts
 * const config = readNotifierConfig(process.env);
 * ```
 */
export function readNotifierConfig(env: Environment): NotifierConfig {
  const parsed = parseHandlerEnvironment('vending-notifier', env);
  return { ...baseConfig(parsed), idempotencyTable: parsed.idempotencyTable };
}

/**
 * The reconciler's configuration.
 *
 * @throws {HandlerEnvironmentError} listing each missing or invalid variable.
 * @example
 * ```ts
 * const config = readReconcilerConfig(process.env);
 * ```
 */
export function readReconcilerConfig(env: Environment): ReconcilerConfig {
  const parsed = parseHandlerEnvironment('reconciler', env);
  return {
    ...baseConfig(parsed),
    stateTable: parsed.stateTable,
    operationsQueueUrl: parsed.operationsQueueUrl,
    ...identityCenterConfig(parsed),
    dryRun: parsed.dryRun,
    idempotencyTable: parsed.idempotencyTable,
    quota: quotaSettings(parsed),
    organizationsRates: organizationsRates(parsed),
    ...tagLedgerConfig(parsed),
  };
}

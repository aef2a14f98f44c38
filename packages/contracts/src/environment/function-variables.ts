/**
 * Which variables each function reads. The construct sets exactly the `construct` ones of a
 * function (required ones always, optional ones when configured), so a variable no handler
 * reads is never set and a variable a handler reads can always be set.
 */
import type { HandlerFunctionName } from '../functions/handler-functions';
import { HANDLER_VARIABLES, type HandlerVariableKey } from './handler-variables';
import type { VariableSetter, VariableValue } from './variable-spec';

/** What every function reads: region, endpoint, rules, audit, failure topic, cache, metrics, logging. */
const SHARED = [
  'region',
  'endpointUrl',
  'rulesTable',
  'auditTable',
  'auditRetentionDays',
  'failureTopicArn',
  'rulesCacheTtlSeconds',
  'metricsNamespace',
  'logLevel',
] as const;

/**
 * Where the Identity Center clients connect — the role, the instance and its home region (worker
 * and reconciler; the processor names the groups and users of directory events with them).
 */
const IDENTITY_CENTER = [
  'ssoRoleArn',
  'ssoInstanceArn',
  'identityStoreId',
  'identityCenterRegion',
] as const;

/**
 * The Organizations rates every caller shares (processor, worker, reconciler): one budget of reads
 * and one of writes in the quota items of `IDEMPOTENCY_TABLE`.
 */
const ORGANIZATIONS_RATES = [
  'organizationsReadsPerSecond',
  'organizationsWritesPerSecond',
] as const;

/**
 * The variables each function reads.
 *
 * @example
 * ```ts
 * FUNCTION_VARIABLES['vending-notifier'].includes('operationsQueueUrl'); // false
 * ```
 */
export const FUNCTION_VARIABLES = {
  'org-events-processor': [
    ...SHARED,
    'stateTable',
    'idempotencyTable',
    'operationsQueueUrl',
    'tagLedgerTable',
    ...IDENTITY_CENTER,
    'productRoleArns',
    // Its Organizations reads and Identity Center requests take tokens of the budgets every
    // caller shares.
    ...ORGANIZATIONS_RATES,
    'identityCenterRequestsPerSecond',
  ],
  'operations-worker': [
    ...SHARED,
    'stateTable',
    'idempotencyTable',
    'operationsQueueUrl',
    ...IDENTITY_CENTER,
    'statusWaitSeconds',
    'statusFirstPollMs',
    'identityCenterRequestsPerSecond',
    'identityCenterMaxOutstandingCreates',
    'operationsMaxReceiveCount',
    'tagLedgerTable',
    ...ORGANIZATIONS_RATES,
  ],
  'vending-notifier': [...SHARED, 'idempotencyTable'],
  reconciler: [
    ...SHARED,
    'stateTable',
    'operationsQueueUrl',
    ...IDENTITY_CENTER,
    'dryRun',
    // The run's checkpoints and the quota every caller of Identity Center shares.
    'idempotencyTable',
    'identityCenterRequestsPerSecond',
    'identityCenterMaxOutstandingCreates',
    ...ORGANIZATIONS_RATES,
    'tagLedgerTable',
  ],
} as const satisfies Readonly<Record<HandlerFunctionName, readonly HandlerVariableKey[]>>;

/** The keys of the variables function `F` reads. */
export type FunctionVariableKey<F extends HandlerFunctionName> =
  (typeof FUNCTION_VARIABLES)[F][number];

/**
 * The parsed environment of function `F`: one typed value per variable it reads.
 *
 * @example
 * ```ts
 * const env: HandlerEnvironment<'reconciler'> = parseHandlerEnvironment('reconciler', process.env);
 * env.dryRun; // boolean
 * ```
 */
export type HandlerEnvironment<F extends HandlerFunctionName> = {
  readonly [Key in FunctionVariableKey<F>]: VariableValue<(typeof HANDLER_VARIABLES)[Key]>;
};

/** Which of a function's variables to list. */
export interface VariableFilter {
  /** Only variables set by this party. @default any */
  readonly setBy?: VariableSetter;
  /** Only required (`true`) or only optional (`false`) variables. @default both */
  readonly required?: boolean;
}

/** `true` when the function cannot start without the variable. */
function isRequired(key: HandlerVariableKey): boolean {
  const spec = HANDLER_VARIABLES[key];
  return 'required' in spec && spec.required;
}

/**
 * The names of the variables `functionName` reads, in reading order, optionally filtered.
 *
 * @example
 * ```ts
 * functionVariableNames('reconciler', { setBy: 'construct', required: true });
 * // ['RULES_TABLE', 'AUDIT_TABLE', 'FAILURE_TOPIC_ARN', 'STATE_TABLE', 'OPERATIONS_QUEUE_URL']
 * ```
 */
export function functionVariableNames(
  functionName: HandlerFunctionName,
  filter: VariableFilter = {},
): string[] {
  const keys: readonly HandlerVariableKey[] = FUNCTION_VARIABLES[functionName];
  return keys
    .filter((key) => filter.setBy === undefined || HANDLER_VARIABLES[key].setBy === filter.setBy)
    .filter((key) => filter.required === undefined || isRequired(key) === filter.required)
    .map((key) => HANDLER_VARIABLES[key].name);
}

/** Keys of the variables the construct sets. */
type ConstructKey = {
  [Key in HandlerVariableKey]: (typeof HANDLER_VARIABLES)[Key]['setBy'] extends 'construct'
    ? Key
    : never;
}[HandlerVariableKey];

/** Keys of the variables the construct must always set. */
type RequiredConstructKey = {
  [Key in ConstructKey]: (typeof HANDLER_VARIABLES)[Key] extends { readonly required: true }
    ? Key
    : never;
}[ConstructKey];

/**
 * The values a deployment has for the variables it sets: every required one, and the optional
 * ones that were configured (an unset optional variable takes the handlers' default).
 */
export type ConstructVariableValues = {
  readonly [Key in RequiredConstructKey]: string;
} & { readonly [Key in Exclude<ConstructKey, RequiredConstructKey>]?: string };

/**
 * The environment of one deployed function: exactly the `construct` variables it reads that have
 * a value — nothing it does not read.
 *
 * @example
 * ```ts
 * constructEnvironment('vending-notifier', values); // { RULES_TABLE: …, AUDIT_TABLE: …, … }
 * ```
 */
export function constructEnvironment(
  functionName: HandlerFunctionName,
  values: ConstructVariableValues,
): Record<string, string> {
  const byKey: Partial<Record<HandlerVariableKey, string>> = values;
  const keys: readonly HandlerVariableKey[] = FUNCTION_VARIABLES[functionName];
  return Object.fromEntries(
    keys.flatMap((key) => {
      const value = byKey[key];
      return HANDLER_VARIABLES[key].setBy === 'construct' && value !== undefined
        ? [[HANDLER_VARIABLES[key].name, value] as const]
        : [];
    }),
  );
}

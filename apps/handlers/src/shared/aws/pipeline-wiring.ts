/**
 * What the processor, the worker and the reconciler wire alike: the clock, where clients
 * connect, the DynamoDB document client, and the pipeline ports all three read and write.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type DynamoDbAuditLog,
  type DynamoDbProvisionedStateRepository,
  DynamoDbTagLedgerStore,
} from '@org/aws-adapters/dynamodb';
import type {
  OrganizationsAdapter,
  OrganizationsAdapterOptions,
} from '@org/aws-adapters/organizations';
import type { SqsOperationQueue } from '@org/aws-adapters/sqs';
import type { CachedRulesSource, Clock, ServiceBudgets } from '@org/governance-runtime';
import { policyTypesOf } from '@org/scope-engine';
import type { BaseConfig, ProcessorConfig } from '../config/handler-config';
import { systemClock } from '../system-clock';
import type { WiringOptions } from '../wiring-options';
import { type ClientTarget, documentClient } from './clients';
import { organizationsAdapter } from './identity-center';
import { auditLog, operationQueue, provisionedState, rulesSource } from './state-ports';

/** A function's configuration, clock, client target and document client (cold start). */
export interface FunctionWiring<Config extends BaseConfig> {
  readonly config: Config;
  /** `options.clock`, else the system clock. */
  readonly clock: Clock;
  readonly target: ClientTarget & { readonly config: Config };
  readonly documents: DynamoDBDocumentClient;
}

/**
 * Starts a function's wiring: its clock and the target its clients connect to (named after the
 * function, customized by `options.customizeClient`), and its DynamoDB document client.
 *
 * @example
 * ```ts
 * const { config, clock, target, documents } = functionWiring(readProcessorConfig(env), 'org-events-processor', options);
 * ```
 */
export function functionWiring<Config extends BaseConfig>(
  config: Config,
  functionName: string,
  options: WiringOptions,
): FunctionWiring<Config> {
  const target = { config, functionName, customizeClient: options.customizeClient };
  return {
    config,
    clock: options.clock ?? systemClock,
    target,
    documents: documentClient(target),
  };
}

/** The configuration the pipeline ports read. */
export type PipelineConfig = BaseConfig &
  Pick<ProcessorConfig, 'stateTable' | 'operationsQueueUrl' | 'tagLedgerTable'>;

/** The ports the processor, the worker and the reconciler share. */
export interface PipelinePorts {
  /** Organizations (the account and its OU path, re-read live). */
  readonly organizations: OrganizationsAdapter;
  readonly provisionedState: DynamoDbProvisionedStateRepository;
  /** The rules, cached for `rulesCacheTtlMs`. */
  readonly rules: CachedRulesSource;
  /** The operations FIFO queue. */
  readonly queue: SqsOperationQueue;
  readonly audit: DynamoDbAuditLog;
  readonly clock: Clock;
  /**
   * The tag ledger (`TAG_LEDGER_TABLE`): recorded by the processor, read by every planner only
   * with `settings.trustedTagPrincipals`. Absent when the variable is unset.
   */
  readonly tagLedger?: DynamoDbTagLedgerStore;
}

/**
 * The pipeline ports of a function's wiring: Organizations, the provisioned state, the rules,
 * the operations queue, the audit log, the clock and (when configured) the tag ledger. With
 * `budgets` (see `functionBudgets`), every Organizations request takes a token of the shared
 * read or write budget first; `ous` says how single-account reads read OUs (the worker's: cached
 * an hour, no names).
 *
 * @example
 * ```ts
 * const process = { ...pipelinePorts(wiring), directoryView: storedDirectoryView(wiring.documents, wiring.config, wiring.clock) };
 * ```
 */
export function pipelinePorts(
  wiring: FunctionWiring<PipelineConfig>,
  budgets?: Pick<ServiceBudgets, 'organizationsReads' | 'organizationsWrites'>,
  ous: Pick<OrganizationsAdapterOptions, 'ouCacheTtlMs' | 'ouNames'> = {},
): PipelinePorts {
  const { config, clock, target, documents } = wiring;
  const rules = rulesSource(documents, config, clock);
  return {
    // Reads only the policy types the current rules use; every request within `budgets`.
    organizations: organizationsAdapter(
      target,
      async () => policyTypesOf(await rules.current()),
      budgets,
      ous,
    ),
    provisionedState: provisionedState(documents, config),
    rules,
    queue: operationQueue(target),
    audit: auditLog(documents, config),
    clock,
    ...(config.tagLedgerTable === undefined
      ? {}
      : { tagLedger: new DynamoDbTagLedgerStore(documents, { tableName: config.tagLedgerTable }) }),
  };
}

import { DynamoDbQuotaStore } from '@org/aws-adapters/dynamodb';
import {
  createServiceBudgets,
  DEFAULT_IDENTITY_CENTER_QUOTA,
  type IdentityCenterQuotaSettings,
  type ServiceBudgets,
} from '@org/governance-runtime';
import type { BaseConfig, OrganizationsRates } from '../config/handler-config';
import type { FunctionWiring } from '../aws/pipeline-wiring';
import type { WiringOptions } from '../wiring-options';

/** What a function's budgets are configured from. */
export interface BudgetedConfig {
  /** `IDEMPOTENCY_TABLE`: where the quota items every caller shares live. */
  readonly idempotencyTable: string;
  /** `ORGANIZATIONS_*_PER_SECOND` over the published rates. */
  readonly organizationsRates: OrganizationsRates;
  /** `IDENTITY_CENTER_*` over the published rates. @default the published rates */
  readonly quota?: IdentityCenterQuotaSettings;
}

/**
 * The rate budgets of a function (cold start): Identity Center and Organizations reads and writes,
 * in the quota items of `IDEMPOTENCY_TABLE` (`options.quotaStore` outside Lambda), so the
 * processor, every worker, every reconciler shard and a CLI pointed at the same table share one
 * rate per service.
 *
 * @example
 * ```ts
 * const budgets = functionBudgets(wiring, options);
 * budgetRequests(organizations, organizationsBudget(budgets));
 * ```
 */
export function functionBudgets(
  wiring: Pick<FunctionWiring<BaseConfig>, 'clock' | 'documents'> & {
    readonly config: BudgetedConfig;
  },
  options: Pick<WiringOptions, 'quotaStore'>,
): ServiceBudgets {
  const { config, clock, documents } = wiring;
  const quota = config.quota ?? DEFAULT_IDENTITY_CENTER_QUOTA;
  return createServiceBudgets(
    options.quotaStore ?? new DynamoDbQuotaStore(documents, { tableName: config.idempotencyTable }),
    clock,
    {
      identityCenterRequestsPerSecond: quota.requestsPerSecond,
      identityCenterMaxOutstandingCreates: quota.maxOutstandingCreates,
      organizationsReadsPerSecond: config.organizationsRates.readsPerSecond,
      organizationsWritesPerSecond: config.organizationsRates.writesPerSecond,
    },
    quota,
  );
}

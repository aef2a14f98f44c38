import type { Clock } from '../clock';
import {
  DEFAULT_IDENTITY_CENTER_QUOTA,
  IdentityCenterQuota,
  type IdentityCenterQuotaSettings,
} from './identity-center-quota';
import type { QuotaStore } from './quota-store';
import { RateBudget } from './rate-budget';

/** The rates every caller of AWS shares, per service. */
export interface ServiceRateSettings {
  /** IAM Identity Center admin API requests per second, per instance. */
  readonly identityCenterRequestsPerSecond: number;
  /** Asynchronous `CreateAccountAssignment` requests outstanding at once. */
  readonly identityCenterMaxOutstandingCreates: number;
  /** Organizations read requests (List…, Describe…) per second. */
  readonly organizationsReadsPerSecond: number;
  /** Organizations write requests (AttachPolicy, DetachPolicy, …) per second. */
  readonly organizationsWritesPerSecond: number;
}

/**
 * AWS's published figures: Identity Center 20 requests/s and 10 outstanding creations;
 * Organizations about 5 reads/s (`ListPoliciesForTarget`) and 2 writes/s (`AttachPolicy`,
 * `DetachPolicy`).
 */
export const PUBLISHED_SERVICE_RATES: ServiceRateSettings = {
  identityCenterRequestsPerSecond: DEFAULT_IDENTITY_CENTER_QUOTA.requestsPerSecond,
  identityCenterMaxOutstandingCreates: DEFAULT_IDENTITY_CENTER_QUOTA.maxOutstandingCreates,
  organizationsReadsPerSecond: 5,
  organizationsWritesPerSecond: 2,
};

/** The store buckets of the Organizations budgets (Identity Center keeps the default bucket). */
export const ORGANIZATIONS_BUCKETS = {
  reads: 'organizations-reads',
  writes: 'organizations-writes',
} as const;

/** One budget per service, shared through one {@link QuotaStore}. */
export interface ServiceBudgets {
  readonly rates: ServiceRateSettings;
  /** Identity Center: request rate and outstanding creations. */
  readonly identityCenter: IdentityCenterQuota;
  readonly organizationsReads: RateBudget;
  readonly organizationsWrites: RateBudget;
}

/**
 * The budgets of every service over one store: callers that share the store (every Lambda
 * through DynamoDB; every task of one process in memory) share the rates.
 *
 * @throws {RangeError} for a rate that is not positive or a creation limit below 1.
 * @example
 * ```ts
 * const budgets = createServiceBudgets(new InMemoryQuotaStore(), clock);
 * await budgets.organizationsReads.beforeRequest();
 * ```
 */
export function createServiceBudgets(
  store: QuotaStore,
  clock: Clock,
  rates: Partial<ServiceRateSettings> = {},
  identityCenter: Partial<Omit<IdentityCenterQuotaSettings, 'requestsPerSecond'>> = {},
): ServiceBudgets {
  const settings = { ...PUBLISHED_SERVICE_RATES, ...rates };
  const maxWaitMs = identityCenter.maxWaitMs ?? DEFAULT_IDENTITY_CENTER_QUOTA.maxWaitMs;
  return {
    rates: settings,
    identityCenter: new IdentityCenterQuota(store, clock, {
      ...identityCenter,
      requestsPerSecond: settings.identityCenterRequestsPerSecond,
      maxOutstandingCreates: settings.identityCenterMaxOutstandingCreates,
    }),
    organizationsReads: new RateBudget(store, clock, ORGANIZATIONS_BUCKETS.reads, {
      requestsPerSecond: settings.organizationsReadsPerSecond,
      maxWaitMs,
    }),
    organizationsWrites: new RateBudget(store, clock, ORGANIZATIONS_BUCKETS.writes, {
      requestsPerSecond: settings.organizationsWritesPerSecond,
      maxWaitMs,
    }),
  };
}

/**
 * The rates as one line of text.
 *
 * @example
 * ```ts
 * describeServiceRates(PUBLISHED_SERVICE_RATES);
 * // 'organizations reads 5/s, writes 2/s, identity center 20/s, 10 outstanding'
 * ```
 */
export function describeServiceRates(rates: ServiceRateSettings): string {
  return (
    `organizations reads ${rates.organizationsReadsPerSecond}/s, ` +
    `writes ${rates.organizationsWritesPerSecond}/s, ` +
    `identity center ${rates.identityCenterRequestsPerSecond}/s, ` +
    `${rates.identityCenterMaxOutstandingCreates} outstanding`
  );
}

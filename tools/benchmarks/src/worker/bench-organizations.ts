import { budgetRequests, organizationsBudget } from '@org/aws-adapters';
import { OrganizationsAdapter } from '@org/aws-adapters/organizations';
import type { Clock, RulesSource, ServiceBudgets } from '@org/governance-runtime';
import { WORKER_OU_READS } from '@org/handlers';
import { policyTypesOf, type OrgSnapshot } from '@org/scope-engine';
import { SimulatedOrganizations, simulatedOrganizationsClient } from './simulated-organizations';

/** The simulated Organizations of a worker run and the adapter each worker container creates. */
export interface BenchOrganizations {
  /** Counts every request and what AWS would have throttled. */
  readonly service: SimulatedOrganizations;
  /** A container's Organizations adapter (its own caches), budgeted as in production. */
  adapter(): OrganizationsAdapter;
}

/**
 * Organizations as the worker sees it in production: per container, the `OrganizationsAdapter`
 * (reading the policy types of the current rules, the OU path as the worker reads it —
 * `WORKER_OU_READS` — and caching the root and policy lists)
 * over a client whose every request first takes a token of the shared Organizations read or write
 * budget — here over one simulated Organizations enforcing the published rate.
 *
 * @example
 * ```ts
 * const organizations = benchOrganizations(snapshot, clock, budgets, rules, 150);
 * const adapter = organizations.adapter(); // one per worker
 * ```
 */
export function benchOrganizations(
  snapshot: OrgSnapshot,
  clock: Clock,
  budgets: Pick<ServiceBudgets, 'rates' | 'organizationsReads' | 'organizationsWrites'>,
  rules: RulesSource,
  callLatencyMs: number,
): BenchOrganizations {
  const service = new SimulatedOrganizations(snapshot, clock, {
    readsPerSecond: budgets.rates.organizationsReadsPerSecond,
    callLatencyMs,
  });
  return {
    service,
    adapter: () => {
      const client = simulatedOrganizationsClient(service);
      budgetRequests(client, organizationsBudget(budgets));
      return new OrganizationsAdapter(client, {
        now: () => clock.now(),
        ...WORKER_OU_READS,
        policyTypes: async () => policyTypesOf(await rules.current()),
      });
    },
  };
}

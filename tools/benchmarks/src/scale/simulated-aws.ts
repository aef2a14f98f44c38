import type {
  AssignmentsByPrincipal,
  Clock,
  OrganizationReads,
  RateBudget,
  ServiceBudgets,
} from '@org/governance-runtime';
import { AWS_PAGE_SIZES, type SnapshotOrganizationReads } from '@org/governance-runtime/testing';
import type { PermissionSet, PolicyType } from '@org/scope-engine';
import { ServiceRate } from '../worker/service-rate';

/** Round trips of the simulated services, in milliseconds. */
export interface CallLatencies {
  readonly organizationsMs: number;
  readonly identityCenterMs: number;
}

/**
 * Organizations and Identity Center as the sharded reconcile sees them, on a virtual clock: each
 * call first waits for a token of the caller's shared budget (the product's `RateBudget`s), then
 * reaches the simulated service — which enforces AWS's published rate and counts what it would
 * have throttled — and takes the service's round trip. Answers come from a
 * {@link SnapshotOrganizationReads} over the bench's organization (AWS's page sizes).
 *
 * @example
 * ```ts
 * const aws = new SimulatedAws(new SnapshotOrganizationReads(snapshot), budgets, clock, latencies);
 * await aws.listTags('300000000000'); // 1 Organizations read
 * ```
 */
export class SimulatedAws implements OrganizationReads, AssignmentsByPrincipal {
  /** The services' view of the rates. */
  readonly organizations: ServiceRate;
  readonly identityCenter: ServiceRate;

  constructor(
    private readonly reads: SnapshotOrganizationReads,
    private readonly budgets: ServiceBudgets,
    private readonly clock: Clock,
    private readonly latencies: CallLatencies,
    private readonly permissionSets: readonly PermissionSet[],
  ) {
    this.organizations = new ServiceRate(clock, budgets.rates.organizationsReadsPerSecond);
    this.identityCenter = new ServiceRate(clock, budgets.rates.identityCenterRequestsPerSecond);
  }

  private async call<T>(
    budget: Pick<RateBudget, 'beforeRequest'>,
    service: ServiceRate,
    latencyMs: number,
    answer: () => Promise<T>,
  ): Promise<T> {
    await budget.beforeRequest();
    service.admit();
    await this.clock.sleep(latencyMs);
    return answer();
  }

  private organizationsRead<T>(answer: () => Promise<T>): Promise<T> {
    return this.call(
      this.budgets.organizationsReads,
      this.organizations,
      this.latencies.organizationsMs,
      answer,
    );
  }

  /** {@inheritDoc OrganizationReads.describeRoot} (two calls: ListRoots, DescribeOrganization) */
  async describeRoot() {
    await this.organizationsRead(async () => undefined);
    return this.organizationsRead(() => this.reads.describeRoot());
  }

  /** {@inheritDoc OrganizationReads.listOrganizationalUnits} */
  listOrganizationalUnits(parentId: string, token?: string) {
    return this.organizationsRead(() => this.reads.listOrganizationalUnits(parentId, token));
  }

  /** {@inheritDoc OrganizationReads.listAccounts} */
  listAccounts(parentId: string, token?: string) {
    return this.organizationsRead(() => this.reads.listAccounts(parentId, token));
  }

  /** {@inheritDoc OrganizationReads.listTags} */
  listTags(accountId: string) {
    return this.organizationsRead(() => this.reads.listTags(accountId));
  }

  /** {@inheritDoc OrganizationReads.listPolicies} */
  listPolicies(policyTypes: readonly PolicyType[]) {
    return this.organizationsRead(() => this.reads.listPolicies(policyTypes));
  }

  /** {@inheritDoc OrganizationReads.listTargets} */
  listTargets(policyId: string, token?: string) {
    return this.organizationsRead(() => this.reads.listTargets(policyId, token));
  }

  /** {@inheritDoc AssignmentsByPrincipal.listAssignmentsOfPrincipal} (one call per 100 assignments) */
  async listAssignmentsOfPrincipal(principalType: 'USER' | 'GROUP', principalId: string) {
    const found = await this.reads.listAssignmentsOfPrincipal(principalType, principalId);
    const pages = Math.max(1, Math.ceil(found.length / AWS_PAGE_SIZES.identityCenter));
    for (let page = 0; page < pages; page += 1) {
      await this.call(
        this.budgets.identityCenter,
        this.identityCenter,
        this.latencies.identityCenterMs,
        async () => undefined,
      );
    }
    return found;
  }

  /** `ListPermissionSets` (100 per page) and one `DescribePermissionSet` per set. */
  async listPermissionSets(): Promise<readonly PermissionSet[]> {
    const calls = Math.ceil(this.permissionSets.length / 100) + this.permissionSets.length;
    for (let i = 0; i < calls; i += 1) {
      await this.call(
        this.budgets.identityCenter,
        this.identityCenter,
        this.latencies.identityCenterMs,
        async () => undefined,
      );
    }
    return this.permissionSets;
  }
}

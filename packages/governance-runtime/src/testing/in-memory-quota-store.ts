import {
  decideLease,
  EMPTY_LEASE_TABLE,
  type LeaseRequest,
  type LeaseTable,
  releaseLeaseFrom,
} from '../quota/lease-table';
import type { QuotaStore } from '../quota/quota-store';

/**
 * A {@link QuotaStore} in process memory: exact for every worker of one process (the local
 * pipeline, tests, the throughput benchmark); not shared between processes.
 *
 * @example
 * ```ts
 * const quota = new IdentityCenterQuota(new InMemoryQuotaStore(), clock);
 * ```
 */
export class InMemoryQuotaStore implements QuotaStore {
  private windowId = Number.NEGATIVE_INFINITY;
  private tokensTaken = 0;
  private table: LeaseTable = EMPTY_LEASE_TABLE;

  /** {@inheritDoc QuotaStore.tryTakeToken} */
  async tryTakeToken(windowId: number, limit: number): Promise<boolean> {
    if (windowId !== this.windowId) {
      this.windowId = windowId;
      this.tokensTaken = 0;
    }
    if (this.tokensTaken >= limit) {
      return false;
    }
    this.tokensTaken += 1;
    return true;
  }

  /** {@inheritDoc QuotaStore.tryAcquireLease} */
  async tryAcquireLease(request: LeaseRequest): Promise<boolean> {
    const { table, granted } = decideLease(this.table, request);
    this.table = table;
    return granted;
  }

  /** {@inheritDoc QuotaStore.releaseLease} */
  async releaseLease(leaseId: string): Promise<void> {
    this.table = releaseLeaseFrom(this.table, leaseId);
  }

  /** Leases held now (expired ones included until the next acquisition drops them). */
  heldLeases(): number {
    return Object.keys(this.table.leases).length;
  }
}

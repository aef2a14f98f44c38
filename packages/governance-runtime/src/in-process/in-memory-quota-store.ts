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
  /** Per bucket: the current window and the tokens taken from it. */
  private readonly windows = new Map<string, { windowId: number; taken: number }>();
  private table: LeaseTable = EMPTY_LEASE_TABLE;

  /** {@inheritDoc QuotaStore.tryTakeToken} */
  async tryTakeToken(windowId: number, limit: number, bucket = ''): Promise<boolean> {
    let window = this.windows.get(bucket);
    if (window?.windowId !== windowId) {
      window = { windowId, taken: 0 };
      this.windows.set(bucket, window);
    }
    if (window.taken >= limit) {
      return false;
    }
    window.taken += 1;
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

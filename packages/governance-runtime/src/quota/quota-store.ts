/**
 * The shared counters behind the Identity Center quota. Several workers run at once, so the
 * counters live outside any one of them: in DynamoDB for the deployed system, in memory for a
 * single process (tests, the local pipeline, the benchmark).
 */
import type { LeaseRequest } from './lease-table';

/**
 * Atomic counters for a rate limit (tokens per time window) and a semaphore (leases).
 *
 * @example
 * ```ts
 * const windowId = Math.floor(clock.now() / 250);
 * if (await store.tryTakeToken(windowId, 5)) await identityCenter.createAssignment(key);
 * ```
 */
export interface QuotaStore {
  /**
   * Takes one token from time window `windowId` of `bucket` (one bucket per service budget;
   * `undefined`: the default bucket, Identity Center's) when fewer than `limit` were taken from
   * it. Resolves `false` (nothing taken) when the window is full.
   */
  tryTakeToken(windowId: number, limit: number, bucket?: string): Promise<boolean>;

  /**
   * One attempt to hold a lease, decided atomically by {@link decideLease}: a held lease is
   * renewed; a free slot goes to the longest-waiting caller; otherwise the caller waits in line.
   * Resolves `true` when the lease is held.
   */
  tryAcquireLease(request: LeaseRequest): Promise<boolean>;

  /** Releases a lease; releasing an unknown lease is a no-op. */
  releaseLease(leaseId: string): Promise<void>;
}

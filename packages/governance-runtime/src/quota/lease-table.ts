/**
 * The decision behind the outstanding-creation semaphore, as a pure function over its state, so
 * every {@link QuotaStore} (memory, DynamoDB) grants slots the same way: at most `limit` live
 * leases, and first come, first served among the callers waiting for one.
 */

/** The semaphore's state: held leases (expiry, epoch ms) and waiting callers. */
export interface LeaseTable {
  readonly leases: Readonly<Record<string, number>>;
  /** Waiting callers: when they started waiting and when they last asked (epoch ms). */
  readonly waiters: Readonly<Record<string, { readonly since: number; readonly seen: number }>>;
}

/** One acquisition attempt. */
export interface LeaseRequest {
  readonly leaseId: string;
  readonly limit: number;
  readonly now: number;
  /** Expiry of the lease if granted (or renewed). */
  readonly expiresAt: number;
  /** A waiter that has not asked again within this long has given up. */
  readonly waiterTtlMs: number;
}

/** An empty semaphore. */
export const EMPTY_LEASE_TABLE: LeaseTable = { leases: {}, waiters: {} };

/**
 * Decides one attempt: expired leases and stale waiters are dropped; a held lease is renewed;
 * otherwise a free slot goes to the caller only if no one has been waiting longer for it —
 * else the caller joins (or stays in) the waiting line. A waiter's presence is refreshed only
 * every `waiterTtlMs / 2`, so waiting callers rarely need to write.
 *
 * @example
 * ```ts
 * const { table, granted } = decideLease(EMPTY_LEASE_TABLE, { leaseId: 'a', limit: 10, now: 0, expiresAt: 60_000, waiterTtlMs: 1000 });
 * // granted === true, table.leases = { a: 60000 }
 * ```
 */
export function decideLease(
  current: LeaseTable,
  request: LeaseRequest,
): { readonly table: LeaseTable; readonly granted: boolean } {
  const { leaseId, limit, now, expiresAt, waiterTtlMs } = request;
  const leases = Object.fromEntries(
    Object.entries(current.leases).filter(([, expiry]) => expiry > now),
  );
  const waiters = Object.fromEntries(
    Object.entries(current.waiters).filter(
      ([id, w]) => w.seen + waiterTtlMs > now && !(id in leases),
    ),
  );
  if (leaseId in leases) {
    return { table: { leases: { ...leases, [leaseId]: expiresAt }, waiters }, granted: true };
  }
  const free = limit - Object.keys(leases).length;
  const line = Object.entries(waiters)
    .sort(([a, x], [b, y]) => x.since - y.since || (a < b ? -1 : a > b ? 1 : 0))
    .map(([id]) => id);
  const rank = line.includes(leaseId) ? line.indexOf(leaseId) : line.length;
  if (rank < free) {
    const others = withoutKey(waiters, leaseId);
    return {
      table: { leases: { ...leases, [leaseId]: expiresAt }, waiters: others },
      granted: true,
    };
  }
  const waiting = waiters[leaseId];
  if (waiting !== undefined && now - waiting.seen < waiterTtlMs / 2) {
    // Still fresh: the table stays as it is, so a store need not write anything.
    return { table: { leases, waiters }, granted: false };
  }
  return {
    table: {
      leases,
      waiters: { ...waiters, [leaseId]: { since: waiting?.since ?? now, seen: now } },
    },
    granted: false,
  };
}

/** The table without one lease (released). */
export function releaseLeaseFrom(current: LeaseTable, leaseId: string): LeaseTable {
  return { leases: withoutKey(current.leases, leaseId), waiters: current.waiters };
}

/** A copy of a record without one key. */
function withoutKey<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

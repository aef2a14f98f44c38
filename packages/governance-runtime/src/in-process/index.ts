/**
 * `@org/governance-runtime/in-process`: in-memory implementations of the ports that a
 * single-process run uses for real, not as test doubles — `orgctl`'s local execution keeps its
 * audit trail, operation queue and Identity Center quota in memory. (`/testing` re-exports them
 * with the other in-memory doubles.)
 *
 * @example
 * ```ts
 * import { InMemoryAuditLog, InMemoryOperationQueue } from '@org/governance-runtime/in-process';
 * const audit = new InMemoryAuditLog();
 * ```
 */
export { InMemoryAuditLog } from './in-memory-audit-log';
export { InMemoryOperationQueue } from './in-memory-operation-queue';
export { InMemoryQuotaStore } from './in-memory-quota-store';
export { InMemoryTagLedger } from './in-memory-tag-ledger';

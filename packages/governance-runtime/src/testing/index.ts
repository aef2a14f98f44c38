/**
 * In-memory implementations of the runtime's ports, for single-process runs: tests, benchmarks,
 * the local stack and `orgctl` dry runs. The deployed system uses `@org/aws-adapters`.
 */

export { InMemoryAuditLog } from './in-memory-audit-log';
export { InMemoryDirectoryViewStore } from './in-memory-directory-view-store';
export { InMemoryIdempotencyStore } from './in-memory-idempotency-store';
export { InMemoryOperationQueue } from './in-memory-operation-queue';
export { InMemoryOrganization } from './in-memory-organization';
export { InMemoryPauseSwitch } from './in-memory-pause-switch';
export { InMemoryProvisionedState } from './in-memory-provisioned-state';
export { InMemoryQuotaStore } from './in-memory-quota-store';
export { DEFAULT_RULES_RETENTION_MS, InMemoryRulesRepository } from './in-memory-rules-repository';
export { InMemoryTagLedger } from '../in-process/in-memory-tag-ledger';
export { VirtualClock } from './virtual-clock';
export { AWS_PAGE_SIZES, SnapshotOrganizationReads } from './snapshot-organization-reads';
export type { ReadCalls } from './snapshot-organization-reads';
export { liveOrganizationReads } from './live-organization-reads';
export type { LiveOrganizationReads } from './live-organization-reads';
export { InMemoryRunStore } from '../reconcile-shards/run-store';

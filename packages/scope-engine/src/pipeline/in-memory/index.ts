/**
 * In-memory implementations of the pipeline's state ports, for single-process runs: tests,
 * benchmarks and CLI dry runs. The deployed system uses the DynamoDB/SQS adapters.
 */
export * from './in-memory-provisioned-state';
export * from './in-memory-audit-log';
export * from './in-memory-operation-queue';
export * from './in-memory-idempotency-store';
export * from './in-memory-directory-view-store';
export * from './virtual-clock';
export * from './in-memory-organization';

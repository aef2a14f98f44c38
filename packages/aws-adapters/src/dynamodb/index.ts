/**
 * `@org/aws-adapters/dynamodb`: repositories on DynamoDB (lib-dynamodb document client).
 */
export { DynamoDbRulesRepository, type DynamoDbRulesRepositoryOptions } from './rules-repository';
export {
  DynamoDbProvisionedStateRepository,
  type DynamoDbProvisionedStateRepositoryOptions,
} from './provisioned-state-repository';
export { DynamoDbAuditLog, type DynamoDbAuditLogOptions } from './audit-log';
export {
  DynamoDbIdempotencyStore,
  type DynamoDbIdempotencyStoreOptions,
} from './idempotency-store';
export {
  DynamoDbDirectoryViewStore,
  type DynamoDbDirectoryViewStoreOptions,
} from './directory-view-store';
export { DynamoDbQuotaStore, type DynamoDbQuotaStoreOptions } from './quota-store';
export { CONTROL_KEYS, DynamoDbPauseSwitch, type DynamoDbPauseSwitchOptions } from './pause-switch';
export {
  AUDIT_LOG_TABLE,
  createTableInput,
  IDEMPOTENCY_TABLE,
  type IndexDesign,
  PROVISIONED_STATE_TABLE,
  RULES_TABLE,
  TAG_LEDGER_TABLE,
  type TableDesign,
} from './table-designs';
export { scopeKeyOf, scopeQueriesOf, type ScopeKey } from './scope-keys';
export {
  DynamoDbTagLedgerStore,
  type DynamoDbTagLedgerStoreOptions,
  tagLedgerPartition,
  tagLedgerSortKey,
} from './tag-ledger-store';

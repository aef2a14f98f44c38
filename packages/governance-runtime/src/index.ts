/**
 * @org/governance-runtime — the application layer: the use-cases (process an event, execute an
 * operation, reconcile, apply rules, notify) on small ports, with the Identity Center quota,
 * creation-slot leases and delivery markers. `@org/aws-adapters` implements the ports; in-memory
 * implementations are in `@org/governance-runtime/testing`.
 */

// clock
export type { Clock } from './clock';

// errors
export {
  AccountNotVisibleError,
  DeliveryInProgressError,
  NotificationsFailedError,
  OperationRetryableError,
  PipelineError,
  QuotaUnavailableError,
  RulesNotConfiguredError,
  UnknownNotificationError,
  UnsupportedOperationError,
  describeError,
  isRetryable,
} from './errors';

// execute
export {
  UNMANAGED_DETAIL,
  assignmentKeyOf,
  creationSlotId,
  executeAssignmentOperation,
} from './execute/assignment-operations';
export { callPort } from './execute/call-port';
export { claimCreation, provisionedAssignmentItem } from './execute/creation-claim';
export type { CreationClaim } from './execute/creation-claim';
export type { ExecuteOperationDependencies, ExecuteOptions } from './execute/execute-dependencies';
export { executeOperation } from './execute/execute-operation';
export { DEFAULT_ASSIGNMENT_POLLING } from './execute/execution-settings';
export {
  DEFAULT_ENQUEUE_PACING,
  type EnqueuePacing,
  pacingForRates,
} from './reconcile-shards/enqueue-pacing';
export type { AssignmentPollingSettings } from './execute/execution-settings';
export type { OperationResult, OperationStatus } from './execute/operation-result';
export { pollRequest } from './execute/poll-request';
export type { PollOutcome } from './execute/poll-request';
export { executePolicyOperation } from './execute/policy-operations';
export { AccountReads } from './execute/account-reads';
export { executeLevelTriggered } from './execute/execute-level-triggered';
export type {
  LevelTriggeredDependencies,
  LevelTriggeredOptions,
  LevelTriggeredResult,
} from './execute/execute-level-triggered';
export { isDefaultPolicy, notJustified } from './execute/justification';
export { judgeOperation, sameOperation } from './execute/level-check';
export type { LevelCheckDependencies, LevelVerdict } from './execute/level-check';

// failure-reporter
export { topicFailureReporter } from './failure-reporter';
export type { FailureKind, FailureReport, FailureReporter } from './failure-reporter';

// map-limit
export { mapLimit } from './map-limit';

// notify
export { deliverOnce } from './notify/deliver-once';
export type { OnceOutcome } from './notify/deliver-once';
export { DEFAULT_DELIVERY_LEASE_MS } from './notify/delivery-markers';
export type { DeliveryClaim, DeliveryMarkers } from './notify/delivery-markers';
export { planNotifications } from './notify/plan-notifications';
export type { NotificationPlan, PlanNotificationsDependencies } from './notify/plan-notifications';
export { sendNotifications } from './notify/send-notifications';
export type {
  NotificationResult,
  NotifyDependencies,
  SendNotificationsOptions,
} from './notify/send-notifications';

// ports
export type {
  AuditEntry,
  AuditEntryType,
  AuditLog,
  AuditOutcome,
  StoredAuditEntry,
} from './ports/audit-log';
export type { DirectoryPort } from './ports/directory-port';
export type { IdempotencyStore } from './ports/idempotency-store';
export type {
  AssignmentKey,
  AssignmentRequestState,
  AssignmentRequestStatus,
  IdentityCenterPort,
} from './ports/identity-center-port';
export type {
  NotificationOutcome,
  SupportCasePort,
  SupportCaseRequest,
  TopicMessage,
  TopicPort,
  WebhookPort,
  WebhookRequest,
} from './ports/notification-ports';
export type { OperationMessage, OperationQueue, PendingRequest } from './ports/operation-queue';
export type { OrgStructure, OrganizationsPort } from './ports/organizations-port';
export type { ChangeOutcome, PortFailure } from './ports/port-failure';
export { REFUSAL_CODES, isRefusal } from './ports/port-failure';
export type {
  ProvisionedAccountState,
  ProvisionedItem,
  ProvisionedItemKey,
  ProvisionedStateRepository,
} from './ports/provisioned-state-repository';
export type { TagLedger, TagLedgerChange, TagLedgerRecord } from './ports/tag-ledger';
export type {
  RulesRepository,
  ScopeLookup,
  StoredGovernanceConfig,
  StoredRule,
} from './ports/rules-repository';

// process
export { auditPlan } from './process/audit-plan';
export { planEvent } from './process/plan-event';
export { processEvent } from './process/process-event';
export { planChange } from './process/plan-change';
export type { ChangeReaders } from './process/plan-change';
export { processGovernanceEvent } from './process/process-change';
export type {
  GovernanceEventDependencies,
  GovernanceEventResult,
  OutOfBandReport,
} from './process/process-change';
export type {
  ProcessEventDependencies,
  ProcessEventResult,
  StoredViewProcessEventDependencies,
} from './process/process-event';

// quota
export { DEFAULT_IDENTITY_CENTER_QUOTA, IdentityCenterQuota } from './quota/identity-center-quota';
export type { IdentityCenterQuotaSettings } from './quota/identity-center-quota';
export { EMPTY_LEASE_TABLE, decideLease, releaseLeaseFrom } from './quota/lease-table';
export type { LeaseRequest, LeaseTable } from './quota/lease-table';
export type { QuotaStore } from './quota/quota-store';
export { RateBudget } from './quota/rate-budget';
export { withBudgetedReads } from './quota/budgeted-reads';
export type { RateBudgetSettings } from './quota/rate-budget';
export {
  createServiceBudgets,
  describeServiceRates,
  ORGANIZATIONS_BUCKETS,
  PUBLISHED_SERVICE_RATES,
} from './quota/service-budgets';
export type { ServiceBudgets, ServiceRateSettings } from './quota/service-budgets';

// pause
export { PAUSED_DETAIL, auditPaused, pauseGatedQueue } from './pause/pause-gated-queue';
export type { PauseGateDependencies } from './pause/pause-gated-queue';
export { NOT_PAUSED } from './pause/pause-switch';
export type { PauseState, PauseSwitch } from './pause/pause-switch';

// reconcile
export { applyRules } from './reconcile/apply-rules';
export { decideDestructive, describeHold, isDestructive } from './reconcile/destructive-hold';
export type { DestructiveDecision, DestructiveHold } from './reconcile/destructive-hold';
export type { ReconcileRunLog, ReconcileRunRecord } from './reconcile/run-record';
export type { ApplyRulesDependencies, ApplyRulesResult } from './reconcile/apply-rules';
export { finishReconcile, keepDirectoryView, reconcile, restrictPlan } from './reconcile/reconcile';
export type {
  ReconcileDependencies,
  ReconcileOptions,
  ReconcileResult,
} from './reconcile/reconcile';

// rules
export { CachedRulesSource, staticRulesSource } from './rules/rules-source';
export type { RulesSource } from './rules/rules-source';
export { tagKeysOf } from './rules/tag-keys';

// state
export { CachedDirectoryView, EMPTY_DIRECTORY_VIEW } from './state/directory-view-store';
export type {
  DirectoryViewSource,
  DirectoryViewStore,
  StoredDirectoryView,
} from './state/directory-view-store';
export { readDirectoryView, relevantPermissionSetArns } from './state/directory-view';
export type { DirectoryView } from './state/directory-view';
export { readAccountSnapshot } from './state/read-account-snapshot';
export type {
  AccountSnapshotReaders,
  SnapshotReaders,
  StoredViewReaders,
} from './state/read-account-snapshot';
export { readFullSnapshot } from './state/read-full-snapshot';
export type { ReadFullSnapshotOptions, ReadProgress } from './state/read-full-snapshot';
export { withManagedBy } from './state/with-managed-by';

// reconcile-shards (a reconcile as a fan-out: prepare, shards, finish; on-demand accounts)
export { prepareReconcileRun } from './reconcile-shards/prepare-run';
export type {
  PrepareOutcome,
  PrepareRunDependencies,
  PrepareRunOptions,
} from './reconcile-shards/prepare-run';
export { reconcileShard } from './reconcile-shards/reconcile-shard';
export type {
  ReconcileShardDependencies,
  ReconcileShardOptions,
  ShardOutcome,
} from './reconcile-shards/reconcile-shard';
export { finishReconcileRun } from './reconcile-shards/finish-run';
export type {
  FinishRunDependencies,
  FinishRunOptions,
  ReconcileRunSummary,
} from './reconcile-shards/finish-run';
export { runShardedReconcile } from './reconcile-shards/run-sharded-reconcile';
export type {
  ShardedReconcileDependencies,
  ShardedReconcileOptions,
  ShardedReconcileResult,
} from './reconcile-shards/run-sharded-reconcile';
export { reconcileAccounts } from './reconcile-shards/reconcile-accounts';
export type { ReconcileAccountsOptions } from './reconcile-shards/reconcile-accounts';
export { RUN_DOCUMENTS } from './reconcile-shards/run-documents';
export type {
  PrepareProgress,
  ReadTask,
  RunDocument,
  ShardInput,
  ShardSummary,
  ShardTags,
} from './reconcile-shards/run-documents';
export type {
  AssignmentsByPrincipal,
  ListedAccount,
  OrganizationReads,
  Page,
} from './reconcile-shards/organization-reads';
export type { ReconcileRunStore } from './reconcile-shards/run-store';

// tag trust
export { ledgerChangesOf, principalOf } from './tag-trust/ledger-changes';
export {
  reportUntrustedTags,
  UNTRUSTED_TAG_REPORTS_PER_PLAN,
  untrustedTagSkips,
} from './tag-trust/report-untrusted-tags';
export { tagTrustEnabled, withTagLedger } from './tag-trust/tag-ledger-reads';
export type { TagLedgerReads } from './tag-trust/tag-ledger-reads';

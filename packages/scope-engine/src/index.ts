/**
 * @org/scope-engine — the pure planner: organization snapshot + governance rules + event → plan.
 * No AWS SDK, no I/O, no clock, no timers, no retries: the use-cases that run plans live in
 * `@org/governance-runtime`.
 */

// config
export {
  ADMIN_LIKE_PERMISSION_SET,
  adminGrantWarnings,
  isAdminLikePermissionSet,
} from './config/admin-warnings';
export { parseGovernanceConfig } from './config/parse-governance-config';
export { validateGovernanceConfig } from './config/validate-governance-config';
export { resolveConfig } from './config/resolve-config';
export { sameGovernanceConfig } from './config/same-config';
export { TEMPLATE_PLACEHOLDERS, renderTemplate, unknownPlaceholders } from './config/templates';
export type { TemplatePlaceholder, TemplateValues } from './config/templates';

// desired
export { assignmentKey } from './desired/assignment-key';
export { desiredStateOf, keyedDesiredStateOf } from './desired/compute-desired-state';
export type { DesiredStateContext, KeyedDesiredState } from './desired/compute-desired-state';
export type {
  AccountDesiredState,
  DesiredAssignment,
  DesiredAttachment,
} from './desired/desired-state';

// errors
export { ConfigError, EventSnapshotMismatchError, ScopeEngineError, SnapshotError } from './errors';

// events
export { ACCOUNT_MUST_EXIST, accountToRead } from './events/account-to-read';
export { applyEffect, applyEvent } from './events/apply-event';
export { applyTagChange, eventEffect } from './events/event-effect';
export type { EventEffect, EventLookup } from './events/event-effect';
export { rereadEffect } from './events/reread-effect';

// matching
export { accountsInScope } from './matching/accounts-in-scope';
export { excludedBy } from './matching/exclusions';
export { matchAccountTag } from './matching/match-account-tag';
export { matchAccount } from './matching/match-account';
export { matchOu } from './matching/match-ou';
export { matched, notMatched } from './matching/match-result';
export type { MatchResult, ScopeMatcher } from './matching/match-result';
export { matchRoot } from './matching/match-root';
export { matchScope } from './matching/match-scope';
export { RuleIndex } from './matching/rule-index';
export type { RuleMatch, ScopedRule } from './matching/rule-index';

// model
export type {
  AssignmentRule,
  Exclusions,
  GovernanceConfig,
  NotifiableEvent,
  Notification,
  NotificationTarget,
  PolicyRule,
  PrincipalRef,
  Scope,
  ScpRule,
  Settings,
} from './model/governance-config';
export {
  DEFAULT_POLICIES,
  DEFAULT_POLICY_SLOTS,
  POLICY_TYPES,
  SERVICE_CONTROL_POLICY,
  isDefaultPolicy,
  isPolicyType,
  policySlotLimit,
  policyTypeLabel,
  policyTypesOf,
} from './policy/policy-types';
export type { DefaultPolicy, PolicyType } from './policy/policy-types';
export {
  DEFAULT_MAX_DESTRUCTIVE_OPERATIONS,
  maxDestructiveOperationsOf,
} from './model/governance-config';
export { FULL_AWS_ACCESS_POLICY_ID, FULL_AWS_ACCESS_POLICY_NAME } from './model/org-snapshot';
export type {
  Account,
  AccountStatus,
  Assignment,
  Attachment,
  OrgSnapshot,
  OrganizationalUnit,
  PermissionSet,
  Policy,
  Principal,
  PrincipalType,
  TagLedgerEntry,
} from './model/org-snapshot';
export type {
  AttachPolicyOperation,
  CreateAssignmentOperation,
  DeleteAssignmentOperation,
  DetachPolicyOperation,
  NotifyOperation,
  Operation,
  PolicyOperation,
  Plan,
  PlanEventRef,
  Skip,
  SkipReason,
} from './model/plan';

// plan
export { applyPlan } from './plan/apply-plan';
export { compareStrings } from './plan/compare';
export { diffAccount, isManaged } from './plan/diff-account';
export type { AccountCurrentState, AccountDiff, AssignmentIdentity } from './plan/diff-account';
export {
  DEFAULT_BODY,
  DEFAULT_SUBJECT,
  UNKNOWN_ACCOUNT_ID,
  UNKNOWN_VALUE,
  notifyOperations,
  ouNamesOf,
} from './plan/notifications';
export type { OuNames } from './plan/notifications';
export { plainText } from './plan/plain-text';
export {
  computeDesiredState,
  planForEvent,
  planForParseOutcome,
  planReconcile,
} from './plan/plan-functions';
export { planIgnoredOutcome, planKnownEvent } from './plan/plan-known-event';
export type { EventPlanContext } from './plan/plan-known-event';
export { UNKNOWN_PARENT, withUnknownPart } from './plan/partial-knowledge';
export type { UnknownPart } from './plan/partial-knowledge';
export { applyChange } from './changes/apply-change';
export {
  ADDED_OUT_OF_BAND,
  isChangeEvent,
  NO_RULE_WAITING,
  planChangeEvent,
} from './changes/plan-change-event';
export type { ChangePlanner } from './changes/plan-change-event';
export { Planner } from './plan/planner';
export {
  OPERATION_TYPE_ORDER,
  compareOperations,
  compareSkips,
  operationTarget,
} from './plan/sort-plan';

// problems
export { formatPath } from './problems/format-path';
export { formatProblem } from './problems/format-problem';
export type { PathSegment, Problem } from './problems/problem';
export { sortProblems } from './problems/sort-problems';

// resolve
export { allPolicyRules, compileRules } from './resolve/compiled-rules';
export type {
  CompiledAssignmentRule,
  CompiledPolicyRule,
  CompiledRules,
  CompiledScpRule,
  Unresolved,
} from './resolve/compiled-rules';
export { References, describePrincipalRef } from './resolve/references';

// snapshot
export { groupBy } from './snapshot/group-by';
export { OrgIndex } from './snapshot/org-index';
export type { OrgView } from './snapshot/org-index';
export { parseOrgSnapshot } from './snapshot/parse-org-snapshot';

// trust
export { UNKNOWN_TAGGER, tagLedgerChangeOf } from './trust/ledger-change';
export { TagLedgerIndex, tagValueTrusted } from './trust/tag-ledger';
export type { TagLedgerChange } from './trust/tag-ledger';
export { TagTrust } from './trust/tag-trust';
export {
  MAX_PRINCIPAL_PATTERN_LENGTH,
  TRUSTED_PRINCIPAL_PATTERN,
  isTrustedPrincipal,
  trustedPrincipalMatcher,
} from './trust/trusted-principals';

// source
export { MAX_JSON_LOCATE_CHARS, readDocument } from './source/read-document';
export type { ReadResult, SourceDocument } from './source/source-document';

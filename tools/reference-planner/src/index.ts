/**
 * @org/reference-planner — a deliberately simple, separately written planner built from the
 * product specification: the oracle the chaos run and the differential property test use to say
 * what should have happened. It shares no code with the engine's planning.
 */
export type * from './model/snapshot';
export type * from './model/config';
export type * from './model/event';
export type * from './model/plan';
export { ouChain } from './scope/ou-chain';
export { ruleApplies } from './scope/rule-applies';
export {
  assignmentId,
  referenceDesiredState,
  type RefDesiredAssignment,
  type RefDesiredState,
} from './desired/desired-state';
export {
  isDefaultPolicy,
  permissionSetArnOf,
  policyIdOf,
  principalIdOf,
} from './desired/resolve-names';
export { referenceAccountPlan } from './plan/account-plan';
export { changedAccounts, referenceReconcile } from './plan/reconcile';
export { referencePlanForEvent, type RefEventPlan } from './plan/event-plan';
export { applyReferenceEvent, type RefEventApplied } from './events/apply-event';
export {
  DEFAULT_NOTIFY_BODY,
  DEFAULT_NOTIFY_SUBJECT,
  referenceNotifications,
} from './notify/notifications';
export { applyReferenceChanges } from './state/apply-changes';
export { slotLimit, type RefPolicyType } from './policy/policy-types';

/**
 * Plans and operations (docs/execution-semantics.md). The same JSON is the CLI's `--format json` output and the
 * body of operations-queue messages.
 */
import type { PrincipalType } from './org-snapshot';
import type { PolicyType } from '../policy/policy-types';

/** Attach a policy of `policyType` to an account. */
export interface AttachPolicyOperation {
  readonly type: 'attachPolicy';
  readonly policyType: PolicyType;
  readonly accountId: string;
  readonly policyId: string;
  readonly ruleIds: readonly string[];
}

/** Detach a policy (managed, no longer justified) from an account. */
export interface DetachPolicyOperation {
  readonly type: 'detachPolicy';
  readonly policyType: PolicyType;
  readonly accountId: string;
  readonly policyId: string;
  readonly ruleIds: readonly string[];
}

/** An attach or detach of a policy, whatever its type. */
export type PolicyOperation = AttachPolicyOperation | DetachPolicyOperation;

/** Create an IAM Identity Center account assignment. */
export interface CreateAssignmentOperation {
  readonly type: 'createAssignment';
  readonly accountId: string;
  readonly permissionSetArn: string;
  readonly principalType: PrincipalType;
  readonly principalId: string;
  readonly ruleIds: readonly string[];
}

/** Delete an IAM Identity Center account assignment (managed, no longer justified). */
export interface DeleteAssignmentOperation {
  readonly type: 'deleteAssignment';
  readonly accountId: string;
  readonly permissionSetArn: string;
  readonly principalType: PrincipalType;
  readonly principalId: string;
  readonly ruleIds: readonly string[];
}

/** Send a notification. */
export interface NotifyOperation {
  readonly type: 'notify';
  readonly accountId: string;
  readonly notificationId: string;
  readonly targetType: 'supportCase' | 'webhook' | 'sns';
  readonly subject: string;
  readonly body: string;
}

/** Every operation a plan can contain. */
export type Operation =
  | AttachPolicyOperation
  | DetachPolicyOperation
  | CreateAssignmentOperation
  | DeleteAssignmentOperation
  | NotifyOperation;

/** Why a rule produced no operation for an account. */
export type SkipReason =
  | 'PrincipalNotFound'
  | 'PermissionSetNotFound'
  | 'PolicyNotFound'
  | 'ScpLimitExceeded'
  | 'PolicyLimitExceeded'
  | 'PolicyTypeNotEnabled'
  | 'AccountNotActive'
  | 'ManagementAccount'
  /** An `accountTag` rule whose tag value was not set by a trusted principal (tag trust). */
  | 'UntrustedTag'
  /** Part of the event (an OU, the account, its tags) is unknown to the snapshot. */
  | 'NotInSnapshot';

/** A rule that was not applied to an account, and why. */
export interface Skip {
  readonly accountId: string;
  readonly ruleId: string | null;
  readonly reason: SkipReason;
  readonly detail: string;
}

/** The event a plan is for (`null` for a reconcile plan). */
export interface PlanEventRef {
  readonly type: string;
  readonly accountId: string | null;
}

/** A deterministic plan: operations sorted by account id, type, target. */
export interface Plan {
  readonly event: PlanEventRef | null;
  readonly operations: readonly Operation[];
  readonly skipped: readonly Skip[];
  /** Why the event was ignored, or `null`. */
  readonly ignored: string | null;
}

/**
 * What the reference planner produces: desired items with the rules behind them, operations and
 * skips, in the same JSON shape the product's plans use.
 */
import type { RefPolicyType } from '../policy/policy-types';

/** A policy or assignment operation (notifications are {@link RefNotify}). */
export type RefChange =
  | {
      readonly type: 'attachPolicy' | 'detachPolicy';
      readonly policyType: RefPolicyType;
      readonly accountId: string;
      readonly policyId: string;
      readonly ruleIds: readonly string[];
    }
  | {
      readonly type: 'createAssignment' | 'deleteAssignment';
      readonly accountId: string;
      readonly permissionSetArn: string;
      readonly principalType: string;
      readonly principalId: string;
      readonly ruleIds: readonly string[];
    };

/** A notification to send. */
export interface RefNotify {
  readonly type: 'notify';
  readonly accountId: string;
  readonly notificationId: string;
  readonly targetType: 'supportCase' | 'webhook' | 'sns';
  readonly subject: string;
  readonly body: string;
}

/** Why a rule gave an account no operation. */
export type RefSkipReason =
  | 'AccountNotActive'
  | 'ManagementAccount'
  | 'PolicyNotFound'
  | 'PermissionSetNotFound'
  | 'PrincipalNotFound'
  | 'ScpLimitExceeded'
  | 'PolicyLimitExceeded'
  | 'PolicyTypeNotEnabled';

/** A rule not applied to an account (`ruleId` null for an inactive account). */
export interface RefSkip {
  readonly accountId: string;
  readonly ruleId: string | null;
  readonly reason: RefSkipReason;
}

/** Operations and skips. */
export interface RefPlan {
  readonly operations: readonly RefChange[];
  readonly skipped: readonly RefSkip[];
}

import type { PrincipalType } from '../model/org-snapshot';
import type { Skip } from '../model/plan';
import type { PolicyType } from '../policy/policy-types';

/** A policy an account should have, with its type and the sorted ids of every rule that asks for it. */
export interface DesiredAttachment {
  readonly policyId: string;
  readonly policyType: PolicyType;
  readonly ruleIds: readonly string[];
}

/** An account assignment an account should have, with the sorted ids of the rules behind it. */
export interface DesiredAssignment {
  readonly permissionSetArn: string;
  readonly principalType: PrincipalType;
  readonly principalId: string;
  readonly ruleIds: readonly string[];
}

/**
 * What the rules ask for one account: the union over every matching rule, reference
 * counted, plus the rules that could not be applied and why.
 */
export interface AccountDesiredState {
  readonly accountId: string;
  /** `false` for SUSPENDED / PENDING_CLOSURE accounts: they get no operations at all. */
  readonly active: boolean;
  /**
   * `false` when the product must not touch this account's policies (of any type) at all — no
   * attach and no detach: the management account and inactive accounts.
   */
  readonly managesPolicies: boolean;
  /**
   * `false` when the product must not touch this account's assignments at all — no create and no
   * delete: the management account unless `includeManagementAccount`, and inactive accounts.
   */
  readonly managesAssignments: boolean;
  /** Sorted by policy id. */
  readonly attachments: readonly DesiredAttachment[];
  /** Sorted by permission set ARN, principal type, principal id. */
  readonly assignments: readonly DesiredAssignment[];
  /** Rules matched but not applicable (names not found, management account, inactive account). */
  readonly skipped: readonly Skip[];
}

export { assignmentKey } from './assignment-key';

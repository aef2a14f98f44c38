import { assignmentKey } from '../desired/assignment-key';
import type { AccountDesiredState } from '../desired/desired-state';
import type { Assignment, Attachment } from '../model/org-snapshot';
import type { Operation, Skip } from '../model/plan';
import { SERVICE_CONTROL_POLICY, policyTypeLabel, type PolicyType } from '../policy/policy-types';

/** The current state of one account and what the diff needs to decide. */
export interface AccountCurrentState {
  /** Policies (of every type) attached directly to the account, managed or not. */
  readonly attachments: readonly Attachment[];
  readonly assignments: readonly Assignment[];
  /** Slots per target for policies of `type`. */
  slotLimit(type: PolicyType): number;
  /** The type of an attached policy. */
  policyType(policyId: string): PolicyType;
  /** `true` for a type's default policy (FullAWSAccess, RCPFullAWSAccess), which is never detached. */
  isDefaultPolicy(policyId: string): boolean;
}

/**
 * How the diff tells assignments apart: an identity per desired assignment (same order) and a
 * function giving a current assignment's identity. The default is {@link assignmentKey}; the
 * planner uses integer ranks (no string built per assignment).
 */
export interface AssignmentIdentity {
  readonly desired: readonly (string | number)[];
  of(assignment: Assignment): string | number;
}

/** Operations and skips for one account (unsorted). */
export interface AccountDiff {
  readonly operations: Operation[];
  readonly skipped: Skip[];
}

/** `true` when the product created the item (non-empty `managedBy`). */
export function isManaged(item: { readonly managedBy?: readonly string[] }): boolean {
  return (item.managedBy?.length ?? 0) > 0;
}

/**
 * The difference between desired and current state for one account: create/attach what
 * is desired and absent; delete/detach only what is managed and no rule justifies, never a type's
 * default policy; per policy type, attach new policies in policy-id order only while the account's
 * direct attachments of that type (after this plan's detaches, every one counted) stay within the
 * type's slot limit, skipping the rest with `ScpLimitExceeded` (SCPs) or `PolicyLimitExceeded`
 * (other types). Inactive accounts get no operations; an account whose policies (or
 * assignments) the product does not manage — the management account — gets no operation of that
 * kind, not even a detach or delete of a managed item.
 *
 * @param identity - How to tell assignments apart (default: {@link assignmentKey}).
 */
export function diffAccount(
  desired: AccountDesiredState,
  current: AccountCurrentState,
  identity: AssignmentIdentity = {
    desired: desired.assignments.map(assignmentKey),
    of: assignmentKey,
  },
): AccountDiff {
  const skipped = [...desired.skipped];
  if (!desired.active) return { operations: [], skipped };
  const operations: Operation[] = [];
  if (desired.managesPolicies) diffPolicies(desired, current, operations, skipped);
  if (desired.managesAssignments) diffAssignments(desired, current, identity, operations);
  return { operations, skipped };
}

function diffPolicies(
  desired: AccountDesiredState,
  current: AccountCurrentState,
  operations: Operation[],
  skipped: Skip[],
): void {
  const accountId = desired.accountId;
  const wantedPolicies = new Set(desired.attachments.map((a) => a.policyId));
  const attached = new Set(current.attachments.map((a) => a.policyId));
  const slotsUsed = new Map<PolicyType, number>();
  const used = (type: PolicyType) => slotsUsed.get(type) ?? 0;
  for (const a of current.attachments) {
    const policyType = current.policyType(a.policyId);
    slotsUsed.set(policyType, used(policyType) + 1);
  }
  for (const a of current.attachments) {
    if (isManaged(a) && !wantedPolicies.has(a.policyId) && !current.isDefaultPolicy(a.policyId)) {
      const policyType = current.policyType(a.policyId);
      operations.push({
        type: 'detachPolicy',
        policyType,
        accountId,
        policyId: a.policyId,
        ruleIds: [],
      });
      slotsUsed.set(policyType, used(policyType) - 1);
    }
  }
  for (const want of desired.attachments) {
    if (attached.has(want.policyId)) continue;
    const { policyType, policyId, ruleIds } = want;
    const limit = current.slotLimit(policyType);
    if (used(policyType) < limit) {
      operations.push({ type: 'attachPolicy', policyType, accountId, policyId, ruleIds });
      slotsUsed.set(policyType, used(policyType) + 1);
    } else {
      const detail = `${policyId}: ${used(policyType)} of ${limit} ${policyTypeLabel(policyType)} slots in use`;
      const reason =
        policyType === SERVICE_CONTROL_POLICY ? 'ScpLimitExceeded' : 'PolicyLimitExceeded';
      for (const ruleId of ruleIds) skipped.push({ accountId, ruleId, reason, detail });
    }
  }
}

function diffAssignments(
  desired: AccountDesiredState,
  current: AccountCurrentState,
  identity: AssignmentIdentity,
  operations: Operation[],
): void {
  const accountId = desired.accountId;
  const wanted = new Set(identity.desired);
  const existing = new Set<string | number>();
  for (const a of current.assignments) {
    const key = identity.of(a);
    existing.add(key);
    if (isManaged(a) && !wanted.has(key)) {
      const { permissionSetArn, principalType, principalId } = a;
      operations.push({
        type: 'deleteAssignment',
        accountId,
        permissionSetArn,
        principalType,
        principalId,
        ruleIds: [],
      });
    }
  }
  desired.assignments.forEach((want, i) => {
    if (existing.has(identity.desired[i] ?? '')) return;
    operations.push({
      type: 'createAssignment',
      accountId,
      permissionSetArn: want.permissionSetArn,
      principalType: want.principalType,
      principalId: want.principalId,
      ruleIds: want.ruleIds,
    });
  });
}

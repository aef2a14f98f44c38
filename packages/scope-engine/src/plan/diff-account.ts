import { assignmentKey } from '../desired/assignment-key';
import type { AccountDesiredState } from '../desired/desired-state';
import type { Assignment, Attachment } from '../model/org-snapshot';
import type { Operation, Skip } from '../model/plan';

/** The current state of one account and what the diff needs to decide. */
export interface AccountCurrentState {
  /** SCPs attached directly to the account (managed or not). */
  readonly attachments: readonly Attachment[];
  readonly assignments: readonly Assignment[];
  /** SCP slots per target. */
  readonly maxScpsPerTarget: number;
  /** `true` for FullAWSAccess, which is never detached. */
  readonly isFullAwsAccess: (policyId: string) => boolean;
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
 * is desired and absent; delete/detach only what is managed and no rule justifies, never
 * FullAWSAccess; attach new SCPs in policy-id order only while the account's direct attachments
 * (after this plan's detaches, every one counted) stay within `maxScpsPerTarget`, skipping the
 * rest with `ScpLimitExceeded`. Inactive accounts get no operations; an account whose SCPs (or
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
  if (desired.managesScps) diffScps(desired, current, operations, skipped);
  if (desired.managesAssignments) diffAssignments(desired, current, identity, operations);
  return { operations, skipped };
}

function diffScps(
  desired: AccountDesiredState,
  current: AccountCurrentState,
  operations: Operation[],
  skipped: Skip[],
): void {
  const accountId = desired.accountId;
  const wantedPolicies = new Set(desired.attachments.map((a) => a.policyId));
  const attached = new Set(current.attachments.map((a) => a.policyId));
  let slotsUsed = current.attachments.length;
  for (const a of current.attachments) {
    if (isManaged(a) && !wantedPolicies.has(a.policyId) && !current.isFullAwsAccess(a.policyId)) {
      operations.push({ type: 'detachScp', accountId, policyId: a.policyId, ruleIds: [] });
      slotsUsed--;
    }
  }
  for (const want of desired.attachments) {
    if (attached.has(want.policyId)) continue;
    if (slotsUsed < current.maxScpsPerTarget) {
      operations.push({
        type: 'attachScp',
        accountId,
        policyId: want.policyId,
        ruleIds: want.ruleIds,
      });
      slotsUsed++;
    } else {
      const detail = `${want.policyId}: ${slotsUsed} of ${current.maxScpsPerTarget} SCP slots in use`;
      for (const ruleId of want.ruleIds)
        skipped.push({ accountId, ruleId, reason: 'ScpLimitExceeded', detail });
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

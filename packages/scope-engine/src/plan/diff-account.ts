import type { AccountDesiredState } from '../desired/desired-state';
import { assignmentKey } from '../desired/desired-state';
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
 * The difference between desired and current state for one account (SPEC §6): create/attach what
 * is desired and absent; delete/detach only what is managed and no rule justifies, never
 * FullAWSAccess; attach new SCPs in policy-id order only while the account's direct attachments
 * (after this plan's detaches, every one counted) stay within `maxScpsPerTarget`, skipping the
 * rest with `ScpLimitExceeded`. Inactive accounts get no operations.
 */
export function diffAccount(
  desired: AccountDesiredState,
  current: AccountCurrentState,
): AccountDiff {
  const skipped = [...desired.skipped];
  if (!desired.active) return { operations: [], skipped };
  const accountId = desired.accountId;
  const operations: Operation[] = [];

  const wantedPolicies = new Map(desired.attachments.map((a) => [a.policyId, a.ruleIds]));
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

  const wantedAssignments = new Set(desired.assignments.map(assignmentKey));
  const existing = new Set(current.assignments.map(assignmentKey));
  for (const a of current.assignments) {
    if (isManaged(a) && !wantedAssignments.has(assignmentKey(a))) {
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
  for (const want of desired.assignments) {
    if (!existing.has(assignmentKey(want)))
      operations.push({ type: 'createAssignment', accountId, ...want });
  }
  return { operations, skipped };
}

import type { Assignment, Attachment } from '@org/scope-engine';
import type { AssignmentKey } from '../ports/identity-center-port';
import type { ProvisionedAccountState } from '../ports/provisioned-state-repository';

/** Identity of an attachment on an account. */
function attachmentKey(accountId: string, policyId: string): string {
  return `${accountId}#${policyId}`;
}

/** Identity of an assignment. */
function assignmentKey(key: AssignmentKey): string {
  return `${key.accountId}#${key.permissionSetArn}#${key.principalType}#${key.principalId}`;
}

/**
 * Fills `managedBy` of live attachments and assignments from the provisioned state:
 * the rule ids recorded when the product created them. Items the product did not create get no
 * `managedBy`, so the engine never removes them. Provisioned items that no longer exist are
 * simply absent (the plan creates them again if still desired).
 *
 * @example
 * ```ts
 * const { attachments, assignments } = withManagedBy(liveAttachments, liveAssignments, [await state.getAccount(id)]);
 * ```
 */
export function withManagedBy(
  attachments: readonly Attachment[],
  assignments: readonly AssignmentKey[],
  provisioned: readonly ProvisionedAccountState[],
): { attachments: Attachment[]; assignments: Assignment[] } {
  const managedAttachments = new Map<string, readonly string[]>();
  const managedAssignments = new Map<string, readonly string[]>();
  for (const { accountId, items } of provisioned) {
    for (const item of items) {
      if (item.kind === 'attachment') {
        managedAttachments.set(attachmentKey(accountId, item.policyId), item.ruleIds);
      } else {
        managedAssignments.set(assignmentKey({ ...item, accountId }), item.ruleIds);
      }
    }
  }
  return {
    attachments: attachments.map(({ targetId, policyId }) => {
      const managedBy = managedAttachments.get(attachmentKey(targetId, policyId));
      return managedBy === undefined ? { targetId, policyId } : { targetId, policyId, managedBy };
    }),
    assignments: assignments.map((assignment) => {
      const { accountId, permissionSetArn, principalType, principalId } = assignment;
      const key = { accountId, permissionSetArn, principalType, principalId };
      const managedBy = managedAssignments.get(assignmentKey(key));
      return managedBy === undefined ? key : { ...key, managedBy };
    }),
  };
}

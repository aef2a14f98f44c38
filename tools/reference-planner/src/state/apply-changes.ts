/**
 * A snapshot after operations took effect: what the organization looks like once a plan ran.
 */
import type { RefChange } from '../model/plan';
import type { RefSnapshot } from '../model/snapshot';

const sameAssignment = (
  a: { permissionSetArn: string; principalType: string; principalId: string; accountId: string },
  b: { permissionSetArn: string; principalType: string; principalId: string; accountId: string },
): boolean =>
  a.accountId === b.accountId &&
  a.permissionSetArn === b.permissionSetArn &&
  a.principalType === b.principalType &&
  a.principalId === b.principalId;

/**
 * Applies SCP and assignment operations in order: attach and create add the item managed by the
 * operation's rules, detach and delete remove it.
 *
 * @example
 * ```ts
 * const after = applyReferenceChanges(snapshot, referenceReconcile(snapshot, config).operations);
 * referenceReconcile(after, config).operations; // [] (skips aside)
 * ```
 */
export function applyReferenceChanges(
  snapshot: RefSnapshot,
  changes: readonly RefChange[],
): RefSnapshot {
  let { attachments, assignments } = snapshot;
  for (const change of changes) {
    if ('policyId' in change) {
      const { accountId, policyId } = change;
      attachments = attachments.filter(
        (a) => !(a.targetId === accountId && a.policyId === policyId),
      );
      if (change.type === 'attachPolicy')
        attachments = [
          ...attachments,
          { targetId: accountId, policyId, managedBy: [...change.ruleIds] },
        ];
    } else {
      assignments = assignments.filter((a) => !sameAssignment(a, change));
      if (change.type === 'createAssignment') {
        const { accountId, permissionSetArn, principalType, principalId } = change;
        const managedBy = [...change.ruleIds];
        assignments = [
          ...assignments,
          { accountId, permissionSetArn, principalType, principalId, managedBy },
        ];
      }
    }
  }
  return { ...snapshot, attachments, assignments };
}

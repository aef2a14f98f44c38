import type { Assignment, Attachment, OrgSnapshot } from '../model/org-snapshot';
import type { Plan } from '../model/plan';
import { assignmentKey } from '../desired/desired-state';

/**
 * The snapshot after executing `plan`'s operations: attached policies and created assignments appear
 * with `managedBy` set to the operation's rule ids; detached and deleted ones disappear;
 * notifications change nothing. The event itself is not applied (see {@link applyEvent}).
 *
 * @example
 * ```ts
 * const after = applyPlan(snapshot, planReconcile(snapshot, config));
 * planReconcile(after, config).operations; // []
 * ```
 */
export function applyPlan(snapshot: OrgSnapshot, plan: Plan): OrgSnapshot {
  const attachments = new Map<string, Attachment>(
    snapshot.attachments.map((a) => [`${a.targetId} ${a.policyId}`, a]),
  );
  const assignments = new Map<string, Assignment>(
    snapshot.assignments.map((a) => [`${a.accountId} ${assignmentKey(a)}`, a]),
  );
  for (const op of plan.operations) {
    switch (op.type) {
      case 'attachPolicy':
        attachments.set(`${op.accountId} ${op.policyId}`, {
          targetId: op.accountId,
          policyId: op.policyId,
          managedBy: op.ruleIds,
        });
        break;
      case 'detachPolicy':
        attachments.delete(`${op.accountId} ${op.policyId}`);
        break;
      case 'createAssignment': {
        const { accountId, permissionSetArn, principalType, principalId, ruleIds } = op;
        const created = {
          accountId,
          permissionSetArn,
          principalType,
          principalId,
          managedBy: ruleIds,
        };
        assignments.set(`${accountId} ${assignmentKey(op)}`, created);
        break;
      }
      case 'deleteAssignment':
        assignments.delete(`${op.accountId} ${assignmentKey(op)}`);
        break;
      case 'notify':
        break;
    }
  }
  return {
    ...snapshot,
    attachments: [...attachments.values()],
    assignments: [...assignments.values()],
  };
}

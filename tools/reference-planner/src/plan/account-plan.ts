/**
 * The operations that take one account from its current items to its desired state.
 */
import type { RefConfig } from '../model/config';
import type { RefChange, RefPlan, RefSkip } from '../model/plan';
import type { RefAccount, RefSnapshot } from '../model/snapshot';
import { assignmentId, referenceDesiredState } from '../desired/desired-state';
import { isDefaultPolicy } from '../desired/resolve-names';

const isManaged = (item: { readonly managedBy?: readonly string[] }): boolean =>
  item.managedBy !== undefined && item.managedBy.length > 0;

/**
 * Operations and skips for one account: attach/create what is desired and absent; detach/delete
 * what is managed and no rule justifies (never the default policy). New SCPs are attached in
 * policy-id order only while the account's direct attachments — every one, managed or not,
 * counted after this plan's detaches — stay within the slot limit; the rest are skipped with
 * `ScpLimitExceeded`, one skip per rule behind the policy.
 *
 * @example
 * ```ts
 * referenceAccountPlan(snapshot, config, account).operations;
 * ```
 */
export function referenceAccountPlan(
  snapshot: RefSnapshot,
  config: RefConfig,
  account: RefAccount,
): RefPlan {
  const desired = referenceDesiredState(snapshot, config, account);
  const skipped: RefSkip[] = [...desired.skipped];
  const operations: RefChange[] = [];
  if (!desired.active) return { operations, skipped };
  const accountId = account.id;
  if (desired.managesPolicies) {
    const attached = snapshot.attachments.filter((a) => a.targetId === accountId);
    const wanted = desired.attachments.map((a) => a.policyId);
    let slots = attached.length;
    for (const a of attached) {
      if (!isManaged(a) || wanted.includes(a.policyId) || isDefaultPolicy(snapshot, a.policyId))
        continue;
      operations.push({
        type: 'detachPolicy',
        policyType: 'SERVICE_CONTROL_POLICY',
        accountId,
        policyId: a.policyId,
        ruleIds: [],
      });
      slots -= 1;
    }
    for (const want of desired.attachments) {
      if (attached.some((a) => a.policyId === want.policyId)) continue;
      if (slots < config.settings.maxScpsPerTarget) {
        const { policyType, policyId, ruleIds } = want;
        operations.push({ type: 'attachPolicy', policyType, accountId, policyId, ruleIds });
        slots += 1;
      } else {
        for (const ruleId of want.ruleIds)
          skipped.push({ accountId, ruleId, reason: 'ScpLimitExceeded' });
      }
    }
  }
  if (desired.managesAssignments) {
    const existing = snapshot.assignments.filter((a) => a.accountId === accountId);
    const wanted = desired.assignments.map(assignmentId);
    for (const a of existing) {
      if (!isManaged(a) || wanted.includes(assignmentId(a))) continue;
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
    for (const want of desired.assignments) {
      if (existing.some((a) => assignmentId(a) === assignmentId(want))) continue;
      operations.push({ type: 'createAssignment', accountId, ...want });
    }
  }
  return { operations, skipped };
}

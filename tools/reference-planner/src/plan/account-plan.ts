/**
 * The operations that take one account from its current items to its desired state.
 */
import type { RefConfig } from '../model/config';
import type { RefChange, RefPlan, RefSkip } from '../model/plan';
import type { RefAccount, RefSnapshot } from '../model/snapshot';
import { assignmentId, referenceDesiredState } from '../desired/desired-state';
import { isDefaultPolicy, policyTypeOf } from '../desired/resolve-names';
import { type RefPolicyType, SCP, slotLimit } from '../policy/policy-types';

const isManaged = (item: { readonly managedBy?: readonly string[] }): boolean =>
  item.managedBy !== undefined && item.managedBy.length > 0;

/**
 * Operations and skips for one account: attach/create what is desired and absent; detach/delete
 * what is managed and no rule justifies (never a type's default policy). Per policy type, new
 * policies are attached in policy-id order only while the account's direct attachments of that
 * type — every one, managed or not, counted after this plan's detaches — stay within the type's
 * slot limit; the rest are skipped with `ScpLimitExceeded` (SCPs) or `PolicyLimitExceeded`
 * (other types), one skip per rule behind the policy.
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
    // Slots in use per policy type: every direct attachment of the type, managed or not.
    const slots = new Map<RefPolicyType, number>();
    const inUse = (type: RefPolicyType) => slots.get(type) ?? 0;
    for (const a of attached) {
      const type = policyTypeOf(snapshot, a.policyId);
      slots.set(type, inUse(type) + 1);
    }
    for (const a of attached) {
      if (!isManaged(a) || wanted.includes(a.policyId) || isDefaultPolicy(snapshot, a.policyId))
        continue;
      const policyType = policyTypeOf(snapshot, a.policyId);
      operations.push({
        type: 'detachPolicy',
        policyType,
        accountId,
        policyId: a.policyId,
        ruleIds: [],
      });
      slots.set(policyType, inUse(policyType) - 1);
    }
    for (const want of desired.attachments) {
      if (attached.some((a) => a.policyId === want.policyId)) continue;
      const { policyType, policyId, ruleIds } = want;
      if (inUse(policyType) < slotLimit(policyType, config.settings)) {
        operations.push({ type: 'attachPolicy', policyType, accountId, policyId, ruleIds });
        slots.set(policyType, inUse(policyType) + 1);
      } else {
        const reason = policyType === SCP ? 'ScpLimitExceeded' : 'PolicyLimitExceeded';
        for (const ruleId of ruleIds) skipped.push({ accountId, ruleId, reason });
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

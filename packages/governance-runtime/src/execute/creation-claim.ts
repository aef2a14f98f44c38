import type { CreateAssignmentOperation } from '@org/scope-engine';
import type { AssignmentKey } from '../ports/identity-center-port';
import type { ProvisionedItem } from '../ports/provisioned-state-repository';
import { tagKeysOf } from '../rules/tag-keys';
import { callPort } from './call-port';
import type { ExecuteOperationDependencies } from './execute-dependencies';

/** Whether the product may create an assignment (and so, later, delete it). */
export type CreationClaim = 'ours' | 'unmanaged';

/** The provisioned-state item of a created assignment (rule ids and their tag keys). */
export async function provisionedAssignmentItem(
  operation: CreateAssignmentOperation,
  deps: Pick<ExecuteOperationDependencies, 'rules'>,
): Promise<ProvisionedItem> {
  const config = await deps.rules.current();
  const { permissionSetArn, principalType, principalId } = operation;
  return {
    kind: 'assignment',
    permissionSetArn,
    principalType,
    principalId,
    ruleIds: [...operation.ruleIds].sort(),
    tagKeys: tagKeysOf(config, operation.ruleIds),
  };
}

/** `true` when `item` is the assignment `key` names (same permission set and principal). */
export const sameAssignment = (
  item: Pick<AssignmentKey, 'permissionSetArn' | 'principalType' | 'principalId'>,
  key: AssignmentKey,
): boolean =>
  item.permissionSetArn === key.permissionSetArn &&
  item.principalType === key.principalType &&
  item.principalId === key.principalId;

/**
 * Decides, before the first creation request, whose assignment this is, so the product never
 * adopts one made outside it (an item without `managedBy` is never deleted by the
 * product — adopting it would let a later plan delete it). The org events processor plans with
 * the provisioned state standing for the live assignments, so it can plan the creation of an
 * assignment someone made by hand; Identity Center then answers "already exists", exactly as for
 * a creation of ours whose response was lost.
 *
 * - Already in the provisioned state (an earlier attempt recorded its intent, or the rule ids of
 *   a managed assignment change): `ours`.
 * - Otherwise, listed live: made outside the product → `unmanaged`, left alone.
 * - Otherwise the intent is recorded **before** the request, so a crash or a lost response after
 *   the creation took effect is recognised as ours on redelivery: `ours`.
 *
 * @example
 * ```ts
 * if ((await claimCreation(operation, key, deps)) === 'unmanaged') return leaveUnmanaged();
 * ```
 */
export async function claimCreation(
  operation: CreateAssignmentOperation,
  key: AssignmentKey,
  deps: Pick<ExecuteOperationDependencies, 'identityCenter' | 'provisionedState' | 'rules'>,
  /** The live assignments were listed just now without it (see `ExecuteOptions.liveChecked`). */
  liveChecked = false,
): Promise<CreationClaim> {
  const provisioned = await callPort(operation.type, () =>
    deps.provisionedState.getAccount(key.accountId),
  );
  if (provisioned.items.some((item) => item.kind === 'assignment' && sameAssignment(item, key))) {
    return 'ours';
  }
  const live = liveChecked
    ? []
    : await callPort(operation.type, () =>
        deps.identityCenter.listAssignments(key.accountId, [key.permissionSetArn]),
      );
  if (live.some((assignment) => sameAssignment(assignment, key))) return 'unmanaged';
  const intent = await provisionedAssignmentItem(operation, deps);
  await callPort(operation.type, () => deps.provisionedState.recordApplied(key.accountId, intent));
  return 'ours';
}

/**
 * Provisioned-state records the worker keeps true when it does not execute an operation: the
 * intent of an attach whose request never went out, and the status check of a deletion another
 * deletion already settled.
 */
import type { Operation } from '@org/scope-engine';
import type { IdentityCenterPort } from '../ports/identity-center-port';
import type { OrgStructure } from '../ports/organizations-port';
import type { ProvisionedAccountState } from '../ports/provisioned-state-repository';
import { sameAssignment } from './creation-claim';
import { isManaged, isRemoval, UNMANAGED_REFUSAL } from './justification';
import type { LevelVerdict } from './level-check';

/**
 * `true` when the account has the policy attached directly.
 *
 * @example
 * ```ts
 * policyAttached(structure, '222222222222', 'p-base0001');
 * ```
 */
export function policyAttached(
  structure: Pick<OrgStructure, 'attachments'>,
  accountId: string,
  policyId: string,
): boolean {
  return structure.attachments.some((a) => a.targetId === accountId && a.policyId === policyId);
}

/**
 * `true` for an attach whose policy the account does not have although the provisioned state
 * records it: the worker records an attach's intent before the request, so this is an intent
 * whose request never went out (a crash came between them). An attach is synchronous — none is in
 * flight — so when the attach does not run, the record can go: left behind, it would make a
 * policy someone attaches by hand later look managed. A creation's intent stays: its request may
 * still be running.
 *
 * @example
 * ```ts
 * if (unsentAttachIntent(operation, structure, provisioned)) await dropRecord(operation);
 * ```
 */
export function unsentAttachIntent(
  operation: Operation,
  structure: OrgStructure | null | undefined,
  provisioned: ProvisionedAccountState,
): boolean {
  if (!('policyId' in operation) || isRemoval(operation) || !structure) return false;
  return (
    !policyAttached(structure, operation.accountId, operation.policyId) &&
    isManaged(operation, provisioned)
  );
}

/**
 * The verdict on the status check of a removal whose record is gone: another removal of the same
 * item settled first (two deletions in flight, each from its own event) and dropped the record.
 * Once the item is gone that is only stale; an item still there without a record is not the
 * product's to remove. One Identity Center read (two when the refusal is confirmed), only in this
 * rare case.
 *
 * @example
 * ```ts
 * if (message.pending !== undefined && !managed) return settledRemoval(operation, deps);
 * ```
 */
export async function settledRemoval(
  operation: Operation,
  deps: { readonly identityCenter: Pick<IdentityCenterPort, 'listAssignments'> },
): Promise<LevelVerdict> {
  if (!('permissionSetArn' in operation)) {
    return { kind: 'notJustified', reason: UNMANAGED_REFUSAL };
  }
  const live = await deps.identityCenter.listAssignments(operation.accountId, [
    operation.permissionSetArn,
  ]);
  return live.some((assignment) => sameAssignment(assignment, operation))
    ? { kind: 'notJustified', reason: UNMANAGED_REFUSAL }
    : {
        kind: 'stale',
        reason: 'another removal of the item settled first: it is gone',
        absent: false,
        rulesDependent: false,
      };
}

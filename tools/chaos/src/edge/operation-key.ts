/**
 * One key per SCP / assignment change, shared by the reference model, the audit log check and
 * the edge, so "expected", "applied" and "took effect" can be compared.
 */
import type { Operation } from '@org/scope-engine';

/** The key of a change: type, account and target. */
export type ChangeType = 'attachPolicy' | 'detachPolicy' | 'createAssignment' | 'deleteAssignment';

/**
 * The key of an SCP or assignment change.
 *
 * @example
 * ```ts
 * changeKey('attachPolicy', '111122223333', 'p-abcd1234'); // 'attachPolicy#111122223333#p-abcd1234'
 * ```
 */
export function changeKey(type: ChangeType, accountId: string, target: string): string {
  return `${type}#${accountId}#${target}`;
}

/** The target part of an assignment key. */
export function assignmentTarget(a: {
  readonly permissionSetArn: string;
  readonly principalType: string;
  readonly principalId: string;
}): string {
  return `${a.permissionSetArn}#${a.principalType}#${a.principalId}`;
}

/** The key of an operation (`null` for `notify`, which is not a change of the organization). */
export function operationKey(operation: Operation): string | null {
  switch (operation.type) {
    case 'attachPolicy':
    case 'detachPolicy':
      return changeKey(operation.type, operation.accountId, operation.policyId);
    case 'createAssignment':
    case 'deleteAssignment':
      return changeKey(operation.type, operation.accountId, assignmentTarget(operation));
    case 'notify':
      return null;
  }
}

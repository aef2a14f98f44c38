import type { Operation, Skip } from '../model/plan';
import { compareStrings } from './compare';

/**
 * Order of operation types within one account: removals before additions, so a worker that
 * executes in order frees policy slots before it uses them (the slot rule counts attachments after
 * the plan's detaches); notifications last, once access is in place.
 */
export const OPERATION_TYPE_ORDER: readonly Operation['type'][] = [
  'detachPolicy',
  'attachPolicy',
  'deleteAssignment',
  'createAssignment',
  'notify',
];

const RANK = new Map(OPERATION_TYPE_ORDER.map((type, i) => [type, i]));

/** The target of an operation, for ordering: policy id, permission set + principal, notification id. */
export function operationTarget(op: Operation): string {
  switch (op.type) {
    case 'attachPolicy':
    case 'detachPolicy':
      return op.policyId;
    case 'createAssignment':
    case 'deleteAssignment':
      return `${op.permissionSetArn}\u0000${op.principalType}\u0000${op.principalId}`;
    case 'notify':
      return op.notificationId;
  }
}

/**
 * Deterministic plan order: account id, then type ({@link OPERATION_TYPE_ORDER}), then target.
 *
 * @example
 * ```ts
 * const ordered = [...operations].sort(compareOperations);
 * ```
 */
export function compareOperations(a: Operation, b: Operation): number {
  return (
    compareStrings(a.accountId, b.accountId) ||
    (RANK.get(a.type) ?? 0) - (RANK.get(b.type) ?? 0) ||
    compareTargets(a, b)
  );
}

/** Compares the targets of two operations of the same type, field by field (no allocation). */
function compareTargets(a: Operation, b: Operation): number {
  if (
    (a.type === 'attachPolicy' || a.type === 'detachPolicy') &&
    (b.type === 'attachPolicy' || b.type === 'detachPolicy')
  ) {
    return compareStrings(a.policyId, b.policyId);
  }
  if (
    (a.type === 'createAssignment' || a.type === 'deleteAssignment') &&
    (b.type === 'createAssignment' || b.type === 'deleteAssignment')
  ) {
    return (
      compareStrings(a.permissionSetArn, b.permissionSetArn) ||
      compareStrings(a.principalType, b.principalType) ||
      compareStrings(a.principalId, b.principalId)
    );
  }
  return compareStrings(operationTarget(a), operationTarget(b));
}

/** Skips ordered by account id, rule id (account-wide skips first), reason, detail. */
export function compareSkips(a: Skip, b: Skip): number {
  return (
    compareStrings(a.accountId, b.accountId) ||
    compareStrings(a.ruleId ?? '', b.ruleId ?? '') ||
    compareStrings(a.reason, b.reason) ||
    compareStrings(a.detail, b.detail)
  );
}

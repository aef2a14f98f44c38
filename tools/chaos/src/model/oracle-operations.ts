/**
 * The reference planner's operations in the engine's operation types, so the chaos checks (which
 * key and compare the product's audited operations) can hold both.
 */
import type { NotifyOperation, Operation, OrgSnapshot, PrincipalType } from '@org/scope-engine';
import type { RefChange, RefNotify, RefSnapshot } from '@org/reference-planner';

const principalType = (type: string): PrincipalType => (type === 'USER' ? 'USER' : 'GROUP');

/**
 * An oracle change as an {@link Operation} (the same fields; the principal type narrowed).
 *
 * @example
 * ```ts
 * operationKey(asOperation(change));
 * ```
 */
export function asOperation(change: RefChange): Operation {
  if ('policyId' in change) return { ...change, ruleIds: [...change.ruleIds] };
  return {
    ...change,
    principalType: principalType(change.principalType),
    ruleIds: [...change.ruleIds],
  };
}

/** An oracle notification as a {@link NotifyOperation} (the same fields). */
export function asNotifyOperation(notify: RefNotify): NotifyOperation {
  return { ...notify };
}

/** The attachments and assignments of an oracle snapshot in the engine's item types. */
export function engineItems(
  snapshot: RefSnapshot,
): Pick<OrgSnapshot, 'attachments' | 'assignments'> {
  return {
    attachments: snapshot.attachments,
    assignments: snapshot.assignments.map((a) => ({
      ...a,
      principalType: principalType(a.principalType),
    })),
  };
}

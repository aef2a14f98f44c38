/**
 * Turns the names rules use into the ids the organization knows, by scanning the snapshot's lists.
 */
import type { RefPrincipalRef } from '../model/config';
import type { RefSnapshot } from '../model/snapshot';

/**
 * The id of a policy named by id or by name, or `undefined` when none exists.
 *
 * @example
 * ```ts
 * policyIdOf(snapshot, 'DenyLeaveOrg'); // 'p-aaaa1111'
 * ```
 */
export function policyIdOf(snapshot: RefSnapshot, ref: string): string | undefined {
  return (
    snapshot.policies.find((p) => p.id === ref)?.id ??
    snapshot.policies.find((p) => p.name === ref)?.id
  );
}

/** The ARN of a permission set named by ARN or by name, or `undefined`. */
export function permissionSetArnOf(snapshot: RefSnapshot, ref: string): string | undefined {
  return (
    snapshot.permissionSets.find((s) => s.arn === ref)?.arn ??
    snapshot.permissionSets.find((s) => s.name === ref)?.arn
  );
}

/** The id of a principal named by id or by name (of the same type), or `undefined`. */
export function principalIdOf(snapshot: RefSnapshot, ref: RefPrincipalRef): string | undefined {
  const sameType = snapshot.principals.filter((p) => p.type === ref.type);
  if ('id' in ref) return sameType.find((p) => p.id === ref.id)?.id;
  return sameType.find((p) => p.name === ref.name)?.id;
}

/** `true` for the default SCP `FullAWSAccess` (by its well-known id or by name): never detached. */
export function isDefaultPolicy(snapshot: RefSnapshot, policyId: string): boolean {
  if (policyId === 'p-FullAWSAccess') return true;
  return snapshot.policies.some((p) => p.id === policyId && p.name === 'FullAWSAccess');
}

/**
 * Turns the names rules use into the ids the organization knows, by scanning the snapshot's lists.
 */
import type { RefPrincipalRef } from '../model/config';
import type { RefSnapshot } from '../model/snapshot';
import { isDefaultOfItsType, type RefPolicyType, SCP } from '../policy/policy-types';

/** The type of a policy of the snapshot (an unknown policy counts as an SCP). */
export function policyTypeOf(snapshot: RefSnapshot, policyId: string): RefPolicyType {
  return snapshot.policies.find((p) => p.id === policyId)?.type ?? SCP;
}

/**
 * The id of a policy of `type` named by id or by name, or `undefined` when none exists (a
 * policy of another type does not count).
 *
 * @example
 * ```ts
 * policyIdOf(snapshot, 'DenyLeaveOrg'); // 'p-aaaa1111'
 * policyIdOf(snapshot, 'Perimeter', 'RESOURCE_CONTROL_POLICY'); // 'p-rcp00001'
 * ```
 */
export function policyIdOf(
  snapshot: RefSnapshot,
  ref: string,
  type: RefPolicyType = SCP,
): string | undefined {
  const ofType = snapshot.policies.filter((p) => (p.type ?? SCP) === type);
  return ofType.find((p) => p.id === ref)?.id ?? ofType.find((p) => p.name === ref)?.id;
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

/**
 * `true` for a type's default policy — `FullAWSAccess` (SCP), `RCPFullAWSAccess` (RCP) — by its
 * well-known id or by name within its type: never detached.
 */
export function isDefaultPolicy(snapshot: RefSnapshot, policyId: string): boolean {
  const policy = snapshot.policies.find((p) => p.id === policyId);
  return isDefaultOfItsType(
    policyId,
    policy === undefined ? undefined : { name: policy.name, type: policy.type ?? SCP },
  );
}

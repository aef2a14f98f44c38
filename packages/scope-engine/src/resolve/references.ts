import type { PrincipalRef } from '../model/governance-config';
import type { OrgSnapshot, PrincipalType } from '../model/org-snapshot';
import { isDefaultPolicy, SERVICE_CONTROL_POLICY, type PolicyType } from '../policy/policy-types';

/**
 * Resolves the names rules use (policy names or ids, permission set names or ARNs, principals by
 * name or id) against one snapshot, and gives the names back for display.
 *
 * @example
 * ```ts
 * const refs = References.of(snapshot);
 * refs.policyId('DenyLeaveOrg'); // 'p-aaaa1111'
 * refs.principalId({ type: 'GROUP', name: 'Auditors' }); // '9067…'
 * ```
 */
export class References {
  private readonly policyById = new Map<string, string>();
  private readonly policyTypeById = new Map<string, PolicyType>();
  /** `type name` → policy id (names are unique within a type). */
  private readonly policyByName = new Map<string, string>();
  private readonly permissionSetByArn = new Map<string, string>();
  private readonly permissionSetByName = new Map<string, string>();
  private readonly principalById = new Map<string, string>();
  private readonly principalByName = new Map<string, string>();

  private constructor(snapshot: OrgSnapshot) {
    for (const p of snapshot.policies) {
      const type = p.type ?? SERVICE_CONTROL_POLICY;
      this.policyById.set(p.id, p.name);
      this.policyTypeById.set(p.id, type);
      this.policyByName.set(`${type} ${p.name}`, p.id);
    }
    for (const ps of snapshot.permissionSets) {
      this.permissionSetByArn.set(ps.arn, ps.name);
      this.permissionSetByName.set(ps.name, ps.arn);
    }
    for (const pr of snapshot.principals) {
      this.principalById.set(`${pr.type} ${pr.id}`, pr.name);
      this.principalByName.set(`${pr.type} ${pr.name}`, pr.id);
    }
  }

  /** Indexes the policies, permission sets and principals of `snapshot`. */
  static of(snapshot: OrgSnapshot): References {
    return new References(snapshot);
  }

  /** The id of the policy of `type` a rule's `policies` entry (id or name) stands for. */
  policyId(ref: string, type: PolicyType = SERVICE_CONTROL_POLICY): string | undefined {
    if (this.policyTypeById.get(ref) === type) return ref;
    return this.policyByName.get(`${type} ${ref}`);
  }

  /** The type of a known policy (SCP when the snapshot gives none), or `undefined` if unknown. */
  policyType(policyId: string): PolicyType | undefined {
    return this.policyTypeById.get(policyId);
  }

  /** The type a rule's `policies` entry has when it names a policy of another type, else `undefined`. */
  otherPolicyType(ref: string, type: PolicyType): PolicyType | undefined {
    const byId = this.policyTypeById.get(ref);
    if (byId !== undefined) return byId === type ? undefined : byId;
    for (const [key] of this.policyByName) {
      const space = key.indexOf(' ');
      if (key.slice(space + 1) === ref && key.slice(0, space) !== type)
        return key.slice(0, space) as PolicyType;
    }
    return undefined;
  }

  /** The name of a policy, or `undefined` if unknown. */
  policyName(policyId: string): string | undefined {
    return this.policyById.get(policyId);
  }

  /** `true` for a type's AWS-managed default policy (`FullAWSAccess`, `RCPFullAWSAccess`): never detached. */
  isDefaultPolicy(policyId: string): boolean {
    return isDefaultPolicy(
      policyId,
      this.policyById.get(policyId),
      this.policyTypeById.get(policyId),
    );
  }

  /** `true` for the AWS-managed `FullAWSAccess` policy (or another type's default): never detached. */
  isFullAwsAccess(policyId: string): boolean {
    return this.isDefaultPolicy(policyId);
  }

  /** The ARN a rule's `permissionSet` (ARN or name) stands for. */
  permissionSetArn(ref: string): string | undefined {
    return this.permissionSetByArn.has(ref) ? ref : this.permissionSetByName.get(ref);
  }

  /** The name of a permission set, or `undefined` if unknown. */
  permissionSetName(arn: string): string | undefined {
    return this.permissionSetByArn.get(arn);
  }

  /** The Identity Center id of a rule's principal. */
  principalId(ref: PrincipalRef): string | undefined {
    if ('id' in ref) return this.principalById.has(`${ref.type} ${ref.id}`) ? ref.id : undefined;
    return this.principalByName.get(`${ref.type} ${ref.name}`);
  }

  /** The name of a principal, or `undefined` if unknown. */
  principalName(type: PrincipalType, id: string): string | undefined {
    return this.principalById.get(`${type} ${id}`);
  }
}

/** How a principal reference reads in messages: `GROUP Auditors` or `USER id 9067…`. */
export function describePrincipalRef(ref: PrincipalRef): string {
  return 'id' in ref ? `${ref.type} id ${ref.id}` : `${ref.type} ${ref.name}`;
}

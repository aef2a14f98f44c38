import type { PrincipalRef } from '../model/governance-config';
import {
  FULL_AWS_ACCESS_POLICY_ID,
  FULL_AWS_ACCESS_POLICY_NAME,
  type OrgSnapshot,
  type PrincipalType,
} from '../model/org-snapshot';

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
  private readonly policyByName = new Map<string, string>();
  private readonly permissionSetByArn = new Map<string, string>();
  private readonly permissionSetByName = new Map<string, string>();
  private readonly principalById = new Map<string, string>();
  private readonly principalByName = new Map<string, string>();

  private constructor(snapshot: OrgSnapshot) {
    for (const p of snapshot.policies) {
      this.policyById.set(p.id, p.name);
      this.policyByName.set(p.name, p.id);
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

  /** The policy id a rule's `policies` entry (id or name) stands for. */
  policyId(ref: string): string | undefined {
    return this.policyById.has(ref) ? ref : this.policyByName.get(ref);
  }

  /** The name of a policy, or `undefined` if unknown. */
  policyName(policyId: string): string | undefined {
    return this.policyById.get(policyId);
  }

  /** `true` for the AWS-managed `FullAWSAccess` policy, which is never detached. */
  isFullAwsAccess(policyId: string): boolean {
    return (
      policyId === FULL_AWS_ACCESS_POLICY_ID ||
      this.policyById.get(policyId) === FULL_AWS_ACCESS_POLICY_NAME
    );
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

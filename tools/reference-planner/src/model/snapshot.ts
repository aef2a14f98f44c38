/**
 * The organization snapshot as the reference planner reads it: the plain JSON of `org.json`
 * (organizational units, accounts, policies, permission sets, principals, and the attachments and
 * assignments that exist, each with the rule ids that made the product create it).
 */
import type { RefPolicyType } from '../policy/policy-types';

/** An organizational unit; `parentId` is the root id or another OU id. */
export interface RefOu {
  readonly id: string;
  readonly name: string;
  readonly parentId: string;
}

/** A member account or the management account. `status` is `ACTIVE` or anything else. */
export interface RefAccount {
  readonly id: string;
  readonly name: string;
  readonly parentId: string;
  readonly status: string;
  readonly tags: Readonly<Record<string, string>>;
}

/** A policy that exists in the organization; `type` absent = `SERVICE_CONTROL_POLICY`. */
export interface RefPolicy {
  readonly id: string;
  readonly name: string;
  readonly type?: RefPolicyType;
}

/** An Identity Center permission set. */
export interface RefPermissionSet {
  readonly name: string;
  readonly arn: string;
}

/** An Identity Center user or group. */
export interface RefPrincipal {
  readonly type: string;
  readonly name: string;
  readonly id: string;
}

/** A policy attached directly to an account or OU; empty or absent `managedBy` = not ours. */
export interface RefAttachment {
  readonly targetId: string;
  readonly policyId: string;
  readonly managedBy?: readonly string[];
}

/** An account assignment that exists; empty or absent `managedBy` = not ours. */
export interface RefAssignment {
  readonly accountId: string;
  readonly permissionSetArn: string;
  readonly principalType: string;
  readonly principalId: string;
  readonly managedBy?: readonly string[];
}

/** The whole snapshot. */
export interface RefSnapshot {
  readonly managementAccountId: string;
  readonly rootId: string;
  /** Policy types enabled on the root; absent = SCPs only. */
  readonly enabledPolicyTypes?: readonly RefPolicyType[];
  readonly organizationalUnits: readonly RefOu[];
  readonly accounts: readonly RefAccount[];
  readonly policies: readonly RefPolicy[];
  readonly permissionSets: readonly RefPermissionSet[];
  readonly principals: readonly RefPrincipal[];
  readonly attachments: readonly RefAttachment[];
  readonly assignments: readonly RefAssignment[];
}

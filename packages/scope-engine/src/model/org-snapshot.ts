import type { PolicyType } from '../policy/policy-types';

/**
 * The organization snapshot (`org.yaml`): everything the engine knows about the organization.
 * The CLI reads it from org.yaml/org.json; the deployed system builds it from the AWS APIs.
 */

/** Account lifecycle status as reported by Organizations. */
export type AccountStatus = 'ACTIVE' | 'SUSPENDED' | 'PENDING_CLOSURE';

/** An organizational unit; `parentId` is the root id or another OU id. */
export interface OrganizationalUnit {
  readonly id: string;
  readonly name: string;
  readonly parentId: string;
}

/** A member (or the management) account. */
export interface Account {
  readonly id: string;
  readonly name: string;
  readonly email?: string;
  /** The root id or an OU id. */
  readonly parentId: string;
  readonly status: AccountStatus;
  readonly tags: Readonly<Record<string, string>>;
}

/** An Organizations policy that exists in the organization. */
export interface Policy {
  readonly id: string;
  readonly name: string;
  /** @default 'SERVICE_CONTROL_POLICY' */
  readonly type?: PolicyType;
}

/** An IAM Identity Center permission set. */
export interface PermissionSet {
  readonly name: string;
  readonly arn: string;
}

/** Identity Center principal type. */
export type PrincipalType = 'USER' | 'GROUP';

/** An Identity Center user or group. */
export interface Principal {
  readonly type: PrincipalType;
  readonly name: string;
  readonly id: string;
}

/** A policy (of any type) attached directly to an account or OU. `managedBy` empty/absent = not ours. */
export interface Attachment {
  readonly targetId: string;
  readonly policyId: string;
  readonly managedBy?: readonly string[];
}

/** An account assignment that exists. `managedBy` empty/absent = not ours. */
export interface Assignment {
  readonly accountId: string;
  readonly permissionSetArn: string;
  readonly principalType: PrincipalType;
  readonly principalId: string;
  readonly managedBy?: readonly string[];
}

/**
 * Who last set one tag value of one account (the tag ledger, fed by `TagResource` /
 * `UntagResource` events). With `settings.trustedTagPrincipals`, an `accountTag` rule applies only
 * when the ledger says the account's current value was set by a trusted principal.
 */
export interface TagLedgerEntry {
  readonly accountId: string;
  readonly key: string;
  /** The value `setBy` set (the rule trusts the tag only while the account still has it). */
  readonly value: string;
  /** An IAM role or user ARN, or an assumed-role session ARN (`userIdentity.arn`). */
  readonly setBy: string;
  /** When it was set (ISO 8601), when known. */
  readonly setAt?: string;
}

/** The whole snapshot (docs/configuration.md#organization-snapshot-orgyaml). */
export interface OrgSnapshot {
  readonly managementAccountId: string;
  readonly rootId: string;
  /** Policy types enabled on the root. @default ['SERVICE_CONTROL_POLICY'] */
  readonly enabledPolicyTypes?: readonly PolicyType[];
  readonly organizationalUnits: readonly OrganizationalUnit[];
  readonly accounts: readonly Account[];
  readonly policies: readonly Policy[];
  readonly permissionSets: readonly PermissionSet[];
  readonly principals: readonly Principal[];
  readonly attachments: readonly Attachment[];
  readonly assignments: readonly Assignment[];
  /** Who set each tag value (absent: no ledger; only read when tag trust is on). */
  readonly tagLedger?: readonly TagLedgerEntry[];
}

/** The AWS-managed policy the product never detaches. */
export const FULL_AWS_ACCESS_POLICY_ID = 'p-FullAWSAccess';
/** Name of the AWS-managed policy the product never detaches. */
export const FULL_AWS_ACCESS_POLICY_NAME = 'FullAWSAccess';

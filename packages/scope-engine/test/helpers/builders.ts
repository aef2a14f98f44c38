import type { DomainEvent } from '@org/event-schemas';
import type {
  Account,
  AssignmentRule,
  Exclusions,
  GovernanceConfig,
  Notification,
  OrgSnapshot,
  PolicyRule,
  PolicyType,
  PrincipalRef,
  Scope,
  ScpRule,
} from '../../src';
import { eventMeta } from '../../src/testing';

/** Ids shared by the tests: a small example organization. */
export const MGMT = '111111111111';
export const ROOT = 'r-ab12';
export const WORKLOADS = 'ou-ab12-11111111';
export const PROD = 'ou-ab12-22222222';
export const SANDBOX = 'ou-ab12-33333333';
export const ACCT = '222222222222';
export const ACCT2 = '333333333333';
export const READ_ONLY_ARN =
  'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-1111111111111111';
export const ADMIN_ARN = 'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-2222222222222222';
export const AUDITORS = '90671234-aaaa-bbbb-cccc-111111111111';
export const DEVS = '90671234-aaaa-bbbb-cccc-222222222222';

/** An ACTIVE account with no tags under `parentId`. */
export function account(id: string, parentId: string, extra: Partial<Account> = {}): Account {
  return { id, name: `acct-${id.slice(0, 4)}`, parentId, status: 'ACTIVE', tags: {}, ...extra };
}

/** A small organization: root → Workloads → Prod; root → Sandbox; the management account. */
export function org(extra: Partial<OrgSnapshot> = {}): OrgSnapshot {
  return {
    managementAccountId: MGMT,
    rootId: ROOT,
    organizationalUnits: [
      { id: WORKLOADS, name: 'Workloads', parentId: ROOT },
      { id: PROD, name: 'Prod', parentId: WORKLOADS },
      { id: SANDBOX, name: 'Sandbox', parentId: ROOT },
    ],
    accounts: [account(MGMT, ROOT, { name: 'management' })],
    policies: [
      { id: 'p-FullAWSAccess', name: 'FullAWSAccess' },
      { id: 'p-aaaa1111', name: 'DenyLeaveOrg' },
      { id: 'p-bbbb2222', name: 'DenyDeleteBackups' },
      { id: 'p-cccc3333', name: 'DenyRegions' },
    ],
    permissionSets: [
      { name: 'ReadOnly', arn: READ_ONLY_ARN },
      { name: 'AdministratorAccess', arn: ADMIN_ARN },
    ],
    principals: [
      { type: 'GROUP', name: 'Auditors', id: AUDITORS },
      { type: 'GROUP', name: 'Developers', id: DEVS },
    ],
    attachments: [],
    assignments: [],
    ...extra,
  };
}

const NO_EXCLUSIONS: Exclusions = { accounts: [], ous: [] };

/** An SCP rule. */
export function scpRule(
  id: string,
  policies: string[],
  scope: Scope,
  exclude = NO_EXCLUSIONS,
): ScpRule {
  return { id, policies, scope, exclude };
}

/** The scope of every account in the organization. */
export const ROOT_SCOPE: Scope = { type: 'root' };

/** A policy rule (a `policyRules` entry) of `type`, over the whole organization unless `scope` says. */
export function policyRule(
  id: string,
  type: PolicyType,
  policies: string[],
  scope: Scope = ROOT_SCOPE,
  exclude = NO_EXCLUSIONS,
): PolicyRule {
  return { id, type, policies, scope, exclude };
}

/** An assignment rule for `principal`: a group by name when a string, else that reference. */
export function assignmentRule(
  id: string,
  permissionSet: string,
  principal: string | PrincipalRef,
  scope: Scope,
  exclude = NO_EXCLUSIONS,
): AssignmentRule {
  const ref: PrincipalRef =
    typeof principal === 'string' ? { type: 'GROUP', name: principal } : principal;
  return { id, permissionSet, principal: ref, scope, exclude };
}

/** A configuration with default settings. */
export function config(extra: Partial<GovernanceConfig> = {}): GovernanceConfig {
  return {
    settings: { maxScpsPerTarget: 10, includeManagementAccount: false },
    scpRules: [],
    assignmentRules: [],
    notifications: [],
    ...extra,
  };
}

/** An SNS notification on `on`. */
export function snsNotification(id: string, on: Notification['on']): Notification {
  return {
    id,
    on,
    target: {
      type: 'sns',
      topicArn: 'arn:aws:sns:us-east-1:111111111111:t',
      subject: '{eventName} {accountId}',
      body: '{accountName} in {ouName} ({ouId})',
    },
  };
}

/** The operation that attaches `policyId` (an SCP unless `policyType` says) to `accountId`, justified by `ruleIds`. */
export const attach = (
  accountId: string,
  policyId: string,
  ruleIds: string[],
  policyType: PolicyType = 'SERVICE_CONTROL_POLICY',
) => ({
  type: 'attachPolicy' as const,
  policyType,
  accountId,
  policyId,
  ruleIds,
});

/** The operation that detaches the managed `policyId` (an SCP unless `policyType` says) from `accountId`. */
export const detach = (
  accountId: string,
  policyId: string,
  policyType: PolicyType = 'SERVICE_CONTROL_POLICY',
) => ({
  type: 'detachPolicy' as const,
  policyType,
  accountId,
  policyId,
  ruleIds: [],
});

/** Event metadata for `eventName` (the engine's shared test helper). */
export const meta = eventMeta;

/** Builders for each domain event. */
export const events = {
  created: (accountId: string, accountName: string | null = 'new-acct'): DomainEvent => ({
    type: 'AccountCreated',
    accountId,
    accountName,
    meta: meta('CreateAccountResult'),
  }),
  joined: (accountId: string): DomainEvent => ({
    type: 'AccountJoined',
    accountId,
    meta: meta('AcceptHandshake'),
  }),
  moved: (accountId: string, sourceParentId: string, destinationParentId: string): DomainEvent => ({
    type: 'AccountMoved',
    accountId,
    sourceParentId,
    destinationParentId,
    meta: meta('MoveAccount'),
  }),
  tagsReplaced: (
    accountId: string,
    tags: Record<string, string>,
    changedKeys: string[],
  ): DomainEvent => ({
    type: 'AccountTagsChanged',
    accountId,
    change: { kind: 'replace', tags, changedKeys },
    meta: meta('TagChangeOnResource', 'aws.tag'),
  }),
  tagsSet: (accountId: string, tags: Record<string, string>): DomainEvent => ({
    type: 'AccountTagsChanged',
    accountId,
    change: { kind: 'set', tags },
    meta: meta('TagResource'),
  }),
  tagsRemoved: (accountId: string, keys: string[]): DomainEvent => ({
    type: 'AccountTagsChanged',
    accountId,
    change: { kind: 'remove', keys },
    meta: meta('UntagResource'),
  }),
  removed: (accountId: string): DomainEvent => ({
    type: 'AccountRemoved',
    accountId,
    meta: meta('RemoveAccountFromOrganization'),
  }),
  vended: (
    accountId: string | null,
    ouId: string | null,
    state: 'SUCCEEDED' | 'FAILED' | 'IN_PROGRESS' = 'SUCCEEDED',
    operation: 'CreateManagedAccount' | 'UpdateManagedAccount' = 'CreateManagedAccount',
  ): DomainEvent => ({
    type: 'ManagedAccountVended',
    operation,
    lifecycle: operation === 'CreateManagedAccount' ? 'created' : 'updated',
    state,
    accountId,
    accountName: 'vended-acct',
    ouId,
    ouName: ouId === PROD ? 'Prod' : null,
    message: null,
    meta: meta(operation, 'aws.controltower'),
  }),
  ouCreated: (ouId: string, parentId: string): DomainEvent => ({
    type: 'OrganizationalUnitCreated',
    ouId,
    name: 'Security',
    parentId,
    meta: meta('CreateOrganizationalUnit'),
  }),
  createFailed: (): DomainEvent => ({
    type: 'CreateAccountFailed',
    accountName: 'payments-dev-2',
    failureReason: 'EMAIL_ALREADY_EXISTS',
    meta: meta('CreateAccountResult'),
  }),
};

/**
 * The organization pieces and rules the use-case specs plan against (process an event,
 * reconcile, sharded reconcile, notify, execute), written once: the root, the Workloads / Prod /
 * Sandbox OUs, the ReadOnly and Admin permission sets, the Auditors and Ops groups, the baseline
 * SCP rule and the auditors assignment rule. The events they feed the processor are in
 * event-fixtures.ts, the in-memory ports they run against in in-memory-ports.ts.
 */
import type {
  Account,
  Assignment,
  Attachment,
  AssignmentRule,
  GovernanceConfig,
  OrganizationalUnit,
  OrgSnapshot,
  PermissionSet,
  Policy,
  Principal,
  ScpRule,
  Settings,
} from '@org/scope-engine';
import type { ProvisionedItem } from '../../src/ports/provisioned-state-repository';
import { EMPTY_SNAPSHOT } from '../../src/state/empty-snapshot';

/** The organization root. */
export const ROOT_ID = 'r-ab12';

/** The management account. */
export const MANAGEMENT_ACCOUNT_ID = '111111111111';

/** The ReadOnly permission set. */
export const READ_ONLY_ARN = 'arn:aws:sso:::permissionSet/ssoins-1/ps-ro';

/** The Admin permission set. */
export const ADMIN_ARN = 'arn:aws:sso:::permissionSet/ssoins-1/ps-admin';

/** A rule's `exclude` that excludes nothing. */
export const NO_EXCLUSIONS = { accounts: [], ous: [] };

/** The Workloads OU, under the root. */
export const WORKLOADS_OU: OrganizationalUnit = {
  id: 'ou-ab12-aaaaaaaa',
  name: 'Workloads',
  parentId: ROOT_ID,
};

/** Workloads (under the root) with Prod nested in it, and Sandbox (under the root). */
export const NESTED_OUS: readonly OrganizationalUnit[] = [
  WORKLOADS_OU,
  { id: 'ou-ab12-bbbbbbbb', name: 'Prod', parentId: 'ou-ab12-aaaaaaaa' },
  { id: 'ou-ab12-cccccccc', name: 'Sandbox', parentId: ROOT_ID },
];

/**
 * A snapshot of the organization with the management account {@link MANAGEMENT_ACCOUNT_ID} and
 * the root {@link ROOT_ID}: `parts` as given, every list not given empty.
 *
 * @example
 * ```ts
 * const org = orgSnapshot({ accounts: [activeAccount('222222222222', 'app', ROOT_ID)] });
 * ```
 */
export function orgSnapshot(parts: Partial<OrgSnapshot>): OrgSnapshot {
  return {
    ...EMPTY_SNAPSHOT,
    managementAccountId: MANAGEMENT_ACCOUNT_ID,
    rootId: ROOT_ID,
    ...parts,
  };
}

/**
 * An active account.
 *
 * @example
 * ```ts
 * activeAccount('222222222222', 'app', 'ou-ab12-aaaaaaaa', { env: 'prod' });
 * ```
 */
export function activeAccount(
  id: string,
  name: string,
  parentId: string,
  tags: Readonly<Record<string, string>> = {},
): Account {
  return { id, name, parentId, status: 'ACTIVE', tags };
}

/** The app account (222222222222) in Workloads, no tags. */
export const WORKLOADS_APP: Account = activeAccount('222222222222', 'app', 'ou-ab12-aaaaaaaa');

/**
 * The attachments of a reconcile with a retired SCP: `withBaseline` has Baseline and Retired,
 * `retiredOnly` only Retired.
 *
 * @example
 * ```ts
 * baselineAndRetiredAttachments('222222222222', '333333333333');
 * ```
 */
export function baselineAndRetiredAttachments(
  withBaseline: string,
  retiredOnly: string,
): Attachment[] {
  return [
    { targetId: withBaseline, policyId: 'p-base0001' },
    { targetId: withBaseline, policyId: 'p-old00001' },
    { targetId: retiredOnly, policyId: 'p-old00001' },
  ];
}

/** The ReadOnly permission set as the snapshot lists it. */
export const READ_ONLY_SET: PermissionSet = { name: 'ReadOnly', arn: READ_ONLY_ARN };

/** The Admin permission set as the snapshot lists it. */
export const ADMIN_SET: PermissionSet = { name: 'Admin', arn: ADMIN_ARN };

/** The Ops group as the snapshot lists it. */
export const OPS_GROUP: Principal = { type: 'GROUP', name: 'Ops', id: 'g-ops' };

/** FullAWSAccess, the SCP AWS attaches everywhere. */
export const FULL_AWS_ACCESS: Policy = { id: 'p-FullAWSAccess', name: 'FullAWSAccess' };

/** The Auditors group as the snapshot lists it. */
export const AUDITORS_GROUP: Principal = { type: 'GROUP', name: 'Auditors', id: 'g-auditors' };

/** The management account as the snapshot lists it (under the root, no tags). */
export const MANAGEMENT_ACCOUNT: Account = {
  id: MANAGEMENT_ACCOUNT_ID,
  name: 'management',
  parentId: ROOT_ID,
  status: 'ACTIVE',
  tags: {},
};

/** FullAWSAccess, the Baseline SCP and a Retired SCP no rule names. */
export const BASELINE_AND_RETIRED_POLICIES: readonly Policy[] = [
  { id: 'p-FullAWSAccess', name: 'FullAWSAccess' },
  { id: 'p-base0001', name: 'Baseline' },
  { id: 'p-old00001', name: 'Retired' },
];

/** The settings every spec uses: 10 SCP slots, the management account left out. */
export const DEFAULT_SETTINGS: Settings = { maxScpsPerTarget: 10, includeManagementAccount: false };

/** The Baseline SCP on the root. */
export const BASELINE_SCP_RULE: ScpRule = {
  id: 'baseline',
  policies: ['Baseline'],
  scope: { type: 'root' },
  exclude: NO_EXCLUSIONS,
};

/**
 * An assignment rule granting `permissionSet` to the group named `group` on `scope`, excluding
 * nothing.
 *
 * @example
 * ```ts
 * groupRule('auditors', 'ReadOnly', 'Auditors', { type: 'root' });
 * ```
 */
export function groupRule(
  id: string,
  permissionSet: string,
  group: string,
  scope: AssignmentRule['scope'],
): AssignmentRule {
  return {
    id,
    permissionSet,
    principal: { type: 'GROUP', name: group },
    scope,
    exclude: NO_EXCLUSIONS,
  };
}

/** ReadOnly for the Auditors group on every account. */
export const AUDITORS_RULE: AssignmentRule = groupRule('auditors', 'ReadOnly', 'Auditors', {
  type: 'root',
});

/** ReadOnly for the Auditors group on Workloads and every OU below it. */
export const AUDITORS_ON_WORKLOADS_RULE: AssignmentRule = groupRule(
  'auditors',
  'ReadOnly',
  'Auditors',
  { type: 'ou', id: WORKLOADS_OU.id, includeDescendants: true },
);

/** Admin for the Ops group on every account tagged `env=prod`. */
export const PROD_ADMINS_RULE: AssignmentRule = groupRule('prod-admins', 'Admin', 'Ops', {
  type: 'accountTag',
  key: 'env',
  value: 'prod',
});

/**
 * The configuration with {@link PROD_ADMINS_RULE} alone and, when given, the principals whose tags
 * are trusted (`trustedTagPrincipals`).
 *
 * @example
 * ```ts
 * prodAdminsConfig(['arn:aws:iam::111111111111:role/Platform']);
 * ```
 */
export function prodAdminsConfig(trustedTagPrincipals?: readonly string[]): GovernanceConfig {
  return {
    settings: {
      ...DEFAULT_SETTINGS,
      ...(trustedTagPrincipals === undefined ? {} : { trustedTagPrincipals }),
    },
    scpRules: [],
    assignmentRules: [PROD_ADMINS_RULE],
    notifications: [],
  };
}

/**
 * The organization {@link prodAdminsConfig} plans against: FullAWSAccess, the Admin permission
 * set and the Ops group, with `parts` (its accounts, attachments, assignments) as given.
 *
 * @example
 * ```ts
 * prodAdminsOrg({ accounts: [activeAccount('222222222222', 'app', ROOT_ID, { env: 'prod' })] });
 * ```
 */
export function prodAdminsOrg(parts: Partial<OrgSnapshot>): OrgSnapshot {
  return orgSnapshot({
    policies: [FULL_AWS_ACCESS],
    permissionSets: [ADMIN_SET],
    principals: [OPS_GROUP],
    ...parts,
  });
}

/**
 * A group's assignment on an account.
 *
 * @example
 * ```ts
 * groupAssignment('222222222222', READ_ONLY_ARN, 'g-auditors');
 * ```
 */
export function groupAssignment(
  accountId: string,
  permissionSetArn: string,
  principalId: string,
): Assignment {
  return { accountId, permissionSetArn, principalType: 'GROUP', principalId };
}

/**
 * A group's account assignment as the provisioned state records it: created for `ruleIds`,
 * looked up by `tagKeys` (none by default).
 *
 * @example
 * ```ts
 * await provisionedState.recordApplied('222222222222', groupAssignmentItem(READ_ONLY_ARN, 'g-auditors', ['auditors']));
 * ```
 */
export function groupAssignmentItem(
  permissionSetArn: string,
  principalId: string,
  ruleIds: readonly string[],
  tagKeys: readonly string[] = [],
): ProvisionedItem {
  return {
    kind: 'assignment',
    permissionSetArn,
    principalType: 'GROUP',
    principalId,
    ruleIds,
    tagKeys,
  };
}

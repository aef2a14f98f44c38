import {
  parseGovernanceConfig,
  parseOrgSnapshot,
  type GovernanceConfig,
  type OrgSnapshot,
} from '@org/scope-engine';

/** Permission set ARNs of {@link accessOrg}. */
export const PS = {
  read: 'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-1111111111111111',
  admin: 'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-2222222222222222',
} as const;

/** Principal ids of {@link accessOrg}. */
export const PRINCIPAL = {
  ops: '90671234-aaaa-bbbb-cccc-111111111111',
  formula: '90671234-aaaa-bbbb-cccc-222222222222',
  admins: '90671234-aaaa-bbbb-cccc-333333333333',
} as const;

/**
 * A small organization for the access matrix: `alpha, inc` (under the root, already has the
 * ops ReadOnly assignment and a hand-made one), `beta` (in OU Team), the management account and
 * a suspended account. A user is named `=HYPERLINK("x")` (a spreadsheet formula).
 */
export function accessOrg(): OrgSnapshot {
  return parseOrgSnapshot({
    managementAccountId: '111111111111',
    rootId: 'r-ab12',
    organizationalUnits: [{ id: 'ou-ab12-11111111', name: 'Team', parentId: 'r-ab12' }],
    accounts: [
      { id: '111111111111', name: 'management', parentId: 'r-ab12', status: 'ACTIVE' },
      { id: '200000000002', name: 'alpha, inc', parentId: 'r-ab12', status: 'ACTIVE' },
      { id: '200000000001', name: 'beta', parentId: 'ou-ab12-11111111', status: 'ACTIVE' },
      { id: '200000000003', name: 'gone', parentId: 'ou-ab12-11111111', status: 'SUSPENDED' },
    ],
    policies: [{ id: 'p-FullAWSAccess', name: 'FullAWSAccess' }],
    permissionSets: [
      { name: 'ReadOnly', arn: PS.read },
      { name: 'Admin', arn: PS.admin },
    ],
    principals: [
      { type: 'GROUP', name: 'Ops', id: PRINCIPAL.ops },
      { type: 'USER', name: '=HYPERLINK("x")', id: PRINCIPAL.formula },
      { type: 'GROUP', name: 'Admins', id: PRINCIPAL.admins },
    ],
    attachments: [],
    assignments: [
      {
        accountId: '200000000002',
        permissionSetArn: PS.read,
        principalType: 'GROUP',
        principalId: PRINCIPAL.ops,
        managedBy: ['ops-read'],
      },
      {
        accountId: '200000000002',
        permissionSetArn: PS.admin,
        principalType: 'GROUP',
        principalId: PRINCIPAL.admins,
      },
    ],
  });
}

/**
 * Rules for {@link accessOrg}: Ops read everywhere (twice on alpha), the formula user Admin in
 * OU Team, and Admins Admin on the management account (skipped: not included).
 */
export function accessConfig(): GovernanceConfig {
  return parseGovernanceConfig({
    assignmentRules: [
      {
        id: 'ops-read',
        permissionSet: 'ReadOnly',
        principal: { type: 'GROUP', name: 'Ops' },
        scope: { type: 'root' },
      },
      {
        id: 'alpha-read',
        permissionSet: 'ReadOnly',
        principal: { type: 'GROUP', name: 'Ops' },
        scope: { type: 'account', id: '200000000002' },
      },
      {
        id: 'team-admin',
        permissionSet: 'Admin',
        principal: { type: 'USER', name: '=HYPERLINK("x")' },
        scope: { type: 'ou', id: 'ou-ab12-11111111' },
      },
      {
        id: 'management-admins',
        permissionSet: 'Admin',
        principal: { type: 'GROUP', name: 'Admins' },
        scope: { type: 'account', id: '111111111111' },
      },
    ],
  });
}

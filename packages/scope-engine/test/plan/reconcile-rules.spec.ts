import { planReconcile, type GovernanceConfig, type OrgSnapshot, type Plan } from '../../src';
import {
  attach,
  detach,
  account,
  ACCT,
  ADMIN_ARN,
  assignmentRule,
  AUDITORS,
  config,
  DEVS,
  MGMT,
  org,
  PROD,
  READ_ONLY_ARN,
  ROOT,
  SANDBOX,
  scpRule,
  WORKLOADS,
} from '../helpers/builders';

const auditorsOn = (accountId: string, managedBy?: string[]) => ({
  accountId,
  permissionSetArn: READ_ONLY_ARN,
  principalType: 'GROUP' as const,
  principalId: AUDITORS,
  ...(managedBy === undefined ? {} : { managedBy }),
});
const create = (
  accountId: string,
  permissionSetArn: string,
  principalId: string,
  ruleIds: string[],
) => ({
  type: 'createAssignment' as const,
  accountId,
  permissionSetArn,
  principalType: 'GROUP' as const,
  principalId,
  ruleIds,
});
const remove = (accountId: string, permissionSetArn: string, principalId: string) => ({
  type: 'deleteAssignment' as const,
  accountId,
  permissionSetArn,
  principalType: 'GROUP' as const,
  principalId,
  ruleIds: [],
});
const plan = (operations: Plan['operations'], skipped: Plan['skipped'] = []): Plan => ({
  event: null,
  operations,
  skipped,
  ignored: null,
});

const rootAuditors = assignmentRule('root-auditors', 'ReadOnly', 'Auditors', { type: 'root' });
const ouAuditors = assignmentRule('ou-auditors', 'ReadOnly', 'Auditors', {
  type: 'ou',
  id: WORKLOADS,
  includeDescendants: true,
});
const inProd = account(ACCT, PROD);

describe.each<[string, OrgSnapshot, GovernanceConfig, Plan]>([
  [
    'overlapping root + OU rules: one assignment, both rule ids (sorted)',
    org({ accounts: [inProd] }),
    config({ assignmentRules: [rootAuditors, ouAuditors] }),
    plan([create(ACCT, READ_ONLY_ARN, AUDITORS, ['ou-auditors', 'root-auditors'])]),
  ],
  [
    'overlapping rules: an assignment managed by the OU rule stays while the root rule still justifies it',
    org({ accounts: [inProd], assignments: [auditorsOn(ACCT, ['ou-auditors'])] }),
    config({ assignmentRules: [rootAuditors] }),
    plan([]),
  ],
  [
    'a managed assignment no rule justifies is deleted',
    org({ accounts: [inProd], assignments: [auditorsOn(ACCT, ['retired'])] }),
    config(),
    plan([remove(ACCT, READ_ONLY_ARN, AUDITORS)]),
  ],
  [
    'an unmanaged assignment (no managedBy, or empty) is never deleted',
    org({
      accounts: [inProd, account('333333333333', ROOT)],
      assignments: [auditorsOn(ACCT), auditorsOn('333333333333', [])],
    }),
    config(),
    plan([]),
  ],
  [
    'nested OUs: an OU rule reaches accounts in OUs below it (includeDescendants)',
    org({ accounts: [inProd, account('333333333333', SANDBOX)] }),
    config({
      scpRules: [
        scpRule('workloads', ['DenyLeaveOrg'], {
          type: 'ou',
          id: WORKLOADS,
          includeDescendants: true,
        }),
      ],
    }),
    plan([attach(ACCT, 'p-aaaa1111', ['workloads'])]),
  ],
  [
    'exclusions win: an excluded account loses the managed SCP the rule gave it',
    org({
      accounts: [inProd, account('333333333333', PROD), account('444444444444', PROD)],
      attachments: [
        { targetId: ACCT, policyId: 'p-aaaa1111', managedBy: ['baseline'] },
        { targetId: '444444444444', policyId: 'p-aaaa1111', managedBy: ['baseline'] },
      ],
    }),
    config({
      scpRules: [
        scpRule('baseline', ['DenyLeaveOrg'], { type: 'root' }, { accounts: [ACCT], ous: [] }),
      ],
    }),
    plan([detach(ACCT, 'p-aaaa1111'), attach('333333333333', 'p-aaaa1111', ['baseline'])]),
  ],
  [
    'OU-subtree exclusions cover nested OUs',
    org({ accounts: [inProd, account('333333333333', SANDBOX)] }),
    config({ assignmentRules: [{ ...rootAuditors, exclude: { accounts: [], ous: [WORKLOADS] } }] }),
    plan([create('333333333333', READ_ONLY_ARN, AUDITORS, ['root-auditors'])]),
  ],
  [
    'a suspended account gets only AccountNotActive: no creates, no deletes',
    org({
      accounts: [
        account(ACCT, PROD, { status: 'SUSPENDED' }),
        account('333333333333', ROOT, { status: 'PENDING_CLOSURE' }),
      ],
      attachments: [{ targetId: ACCT, policyId: 'p-bbbb2222', managedBy: ['retired'] }],
      assignments: [auditorsOn(ACCT, ['retired'])],
    }),
    config({
      scpRules: [scpRule('baseline', ['DenyLeaveOrg'], { type: 'root' })],
      assignmentRules: [rootAuditors],
    }),
    plan(
      [],
      [
        { accountId: ACCT, ruleId: null, reason: 'AccountNotActive', detail: 'status SUSPENDED' },
        {
          accountId: '333333333333',
          ruleId: null,
          reason: 'AccountNotActive',
          detail: 'status PENDING_CLOSURE',
        },
      ],
    ),
  ],
  [
    'the management account never gets SCPs, nor assignments unless includeManagementAccount',
    org(),
    config({
      scpRules: [scpRule('baseline', ['DenyLeaveOrg'], { type: 'root' })],
      assignmentRules: [rootAuditors],
    }),
    plan(
      [],
      [
        {
          accountId: MGMT,
          ruleId: 'baseline',
          reason: 'ManagementAccount',
          detail: 'SCPs never target the management account',
        },
        {
          accountId: MGMT,
          ruleId: 'root-auditors',
          reason: 'ManagementAccount',
          detail: 'includeManagementAccount is false',
        },
      ],
    ),
  ],
  [
    'includeManagementAccount: the management account gets assignments (still no SCPs)',
    org(),
    config({
      settings: { maxScpsPerTarget: 10, includeManagementAccount: true },
      scpRules: [scpRule('baseline', ['DenyLeaveOrg'], { type: 'root' })],
      assignmentRules: [rootAuditors],
    }),
    plan(
      [create(MGMT, READ_ONLY_ARN, AUDITORS, ['root-auditors'])],
      [
        {
          accountId: MGMT,
          ruleId: 'baseline',
          reason: 'ManagementAccount',
          detail: 'SCPs never target the management account',
        },
      ],
    ),
  ],
  [
    'a managed SCP on the management account is never detached (empty configuration)',
    org({ attachments: [{ targetId: MGMT, policyId: 'p-cccc3333', managedBy: ['r0'] }] }),
    config(),
    plan([]),
  ],
  [
    'management account, includeManagementAccount false: its managed assignments are left alone',
    org({ assignments: [auditorsOn(MGMT, ['r0']), { ...auditorsOn(MGMT), principalId: DEVS }] }),
    config({
      assignmentRules: [assignmentRule('devs', 'ReadOnly', 'Developers', { type: 'root' })],
    }),
    plan(
      [],
      [
        {
          accountId: MGMT,
          ruleId: 'devs',
          reason: 'ManagementAccount',
          detail: 'includeManagementAccount is false',
        },
      ],
    ),
  ],
  [
    'management account, includeManagementAccount true: unjustified managed assignments go; SCPs stay',
    org({
      accounts: [account(MGMT, ROOT, { name: 'management' }), inProd],
      attachments: [
        { targetId: MGMT, policyId: 'p-cccc3333', managedBy: ['r0'] },
        { targetId: ACCT, policyId: 'p-cccc3333', managedBy: ['r0'] },
      ],
      assignments: [auditorsOn(MGMT, ['r0'])],
    }),
    config({ settings: { maxScpsPerTarget: 10, includeManagementAccount: true } }),
    plan([remove(MGMT, READ_ONLY_ARN, AUDITORS), detach(ACCT, 'p-cccc3333')]),
  ],
  [
    'FullAWSAccess is never detached, even when marked managed; unmanaged SCPs stay',
    org({
      accounts: [inProd],
      attachments: [
        { targetId: ACCT, policyId: 'p-FullAWSAccess', managedBy: ['old'] },
        { targetId: ACCT, policyId: 'p-bbbb2222' },
        { targetId: ACCT, policyId: 'p-cccc3333', managedBy: [] },
      ],
    }),
    config(),
    plan([]),
  ],
  [
    "SCP limit: every direct attachment counts (FullAWSAccess and unmanaged too), after the plan's detaches; new ones in policy-id order",
    org({
      policies: [
        { id: 'p-FullAWSAccess', name: 'FullAWSAccess' },
        { id: 'p-aaaa0001', name: 'A1' },
        { id: 'p-aaaa0002', name: 'A2' },
        { id: 'p-aaaa0003', name: 'A3' },
        { id: 'p-aaaa0004', name: 'A4' },
        { id: 'p-unmanaged', name: 'U' },
        { id: 'p-retired0', name: 'R' },
      ],
      accounts: [inProd],
      attachments: [
        { targetId: ACCT, policyId: 'p-FullAWSAccess' },
        { targetId: ACCT, policyId: 'p-unmanaged' },
        { targetId: ACCT, policyId: 'p-retired0', managedBy: ['retired'] },
      ],
    }),
    config({
      settings: { maxScpsPerTarget: 4, includeManagementAccount: false },
      scpRules: [
        scpRule('z-rule', ['A4', 'A3'], { type: 'root' }),
        scpRule('a-rule', ['A2', 'A1', 'A3'], { type: 'root' }),
      ],
    }),
    plan(
      [
        detach(ACCT, 'p-retired0'),
        attach(ACCT, 'p-aaaa0001', ['a-rule']),
        attach(ACCT, 'p-aaaa0002', ['a-rule']),
      ],
      [
        {
          accountId: ACCT,
          ruleId: 'a-rule',
          reason: 'ScpLimitExceeded',
          detail: 'p-aaaa0003: 4 of 4 SCP slots in use',
        },
        {
          accountId: ACCT,
          ruleId: 'z-rule',
          reason: 'ScpLimitExceeded',
          detail: 'p-aaaa0003: 4 of 4 SCP slots in use',
        },
        {
          accountId: ACCT,
          ruleId: 'z-rule',
          reason: 'ScpLimitExceeded',
          detail: 'p-aaaa0004: 4 of 4 SCP slots in use',
        },
      ],
    ),
  ],
  [
    'SCP limit: nothing unmanaged is detached to make room',
    org({
      accounts: [inProd],
      attachments: [
        { targetId: ACCT, policyId: 'p-FullAWSAccess' },
        { targetId: ACCT, policyId: 'p-bbbb2222' },
      ],
    }),
    config({
      settings: { maxScpsPerTarget: 2, includeManagementAccount: false },
      scpRules: [scpRule('r', ['DenyLeaveOrg'], { type: 'root' })],
    }),
    plan(
      [],
      [
        {
          accountId: ACCT,
          ruleId: 'r',
          reason: 'ScpLimitExceeded',
          detail: 'p-aaaa1111: 2 of 2 SCP slots in use',
        },
      ],
    ),
  ],
  [
    "SCPs attached to OUs do not use the account's slots",
    org({
      accounts: [inProd],
      attachments: [
        { targetId: PROD, policyId: 'p-bbbb2222' },
        { targetId: ROOT, policyId: 'p-FullAWSAccess' },
      ],
    }),
    config({
      settings: { maxScpsPerTarget: 1, includeManagementAccount: false },
      scpRules: [scpRule('r', ['DenyLeaveOrg'], { type: 'root' })],
    }),
    plan([attach(ACCT, 'p-aaaa1111', ['r'])]),
  ],
  [
    'names that do not resolve become skips, and the rest of the rule still applies',
    org({ accounts: [inProd] }),
    config({
      scpRules: [scpRule('mixed', ['DenyLeaveOrg', 'NoSuchPolicy'], { type: 'root' })],
      assignmentRules: [
        assignmentRule('no-ps', 'NoSuchSet', 'Auditors', { type: 'root' }),
        assignmentRule('no-group', 'ReadOnly', 'NoSuchGroup', { type: 'root' }),
        assignmentRule('no-user-id', ADMIN_ARN, { type: 'USER', id: 'u-404' }, { type: 'root' }),
      ],
    }),
    plan(
      [attach(ACCT, 'p-aaaa1111', ['mixed'])],
      [
        {
          accountId: ACCT,
          ruleId: 'mixed',
          reason: 'PolicyNotFound',
          detail: 'policy NoSuchPolicy',
        },
        {
          accountId: ACCT,
          ruleId: 'no-group',
          reason: 'PrincipalNotFound',
          detail: 'GROUP NoSuchGroup',
        },
        {
          accountId: ACCT,
          ruleId: 'no-ps',
          reason: 'PermissionSetNotFound',
          detail: 'permission set NoSuchSet',
        },
        {
          accountId: ACCT,
          ruleId: 'no-user-id',
          reason: 'PrincipalNotFound',
          detail: 'USER id u-404',
        },
      ],
    ),
  ],
  [
    'policies by id or name, permission sets by ARN, principals by id: one item per target, rule ids merged',
    org({ accounts: [inProd] }),
    config({
      scpRules: [
        scpRule('by-name', ['DenyLeaveOrg'], { type: 'root' }),
        scpRule('by-id', ['p-aaaa1111', 'DenyLeaveOrg'], { type: 'root' }),
      ],
      assignmentRules: [
        assignmentRule('by-arn', ADMIN_ARN, { type: 'GROUP', id: DEVS }, { type: 'root' }),
        assignmentRule('by-names', 'AdministratorAccess', 'Developers', {
          type: 'account',
          id: ACCT,
        }),
      ],
    }),
    plan([
      attach(ACCT, 'p-aaaa1111', ['by-id', 'by-name']),
      create(ACCT, ADMIN_ARN, DEVS, ['by-arn', 'by-names']),
    ]),
  ],
  [
    'operations are ordered by account id, then type (removals first), then target',
    org({
      accounts: [account('999999999999', ROOT), inProd],
      attachments: [{ targetId: ACCT, policyId: 'p-cccc3333', managedBy: ['old'] }],
      assignments: [{ ...auditorsOn(ACCT, ['old']), permissionSetArn: ADMIN_ARN }],
    }),
    config({
      scpRules: [scpRule('scp', ['DenyDeleteBackups', 'DenyLeaveOrg'], { type: 'root' })],
      assignmentRules: [
        rootAuditors,
        assignmentRule('devs', 'ReadOnly', 'Developers', { type: 'root' }),
      ],
    }),
    plan([
      detach(ACCT, 'p-cccc3333'),
      attach(ACCT, 'p-aaaa1111', ['scp']),
      attach(ACCT, 'p-bbbb2222', ['scp']),
      remove(ACCT, ADMIN_ARN, AUDITORS),
      create(ACCT, READ_ONLY_ARN, AUDITORS, ['root-auditors']),
      create(ACCT, READ_ONLY_ARN, DEVS, ['devs']),
      attach('999999999999', 'p-aaaa1111', ['scp']),
      attach('999999999999', 'p-bbbb2222', ['scp']),
      create('999999999999', READ_ONLY_ARN, AUDITORS, ['root-auditors']),
      create('999999999999', READ_ONLY_ARN, DEVS, ['devs']),
    ]),
  ],
])('reconcile: %s', (_name, snapshot, governance, expected) => {
  it('plans exactly the expected operations and skips', () => {
    expect(planReconcile(snapshot, governance)).toStrictEqual(expected);
  });
});

/**
 * Plans of configurations that mix policy types: SCP, RCP, tag and backup rules together (the v1
 * `scpRules` next to `policyRules`), on one account that has AWS's default SCP and RCP attached.
 * Each row gives the account's attachments and the rules, and the whole plan of that account.
 */
import {
  planReconcile,
  type GovernanceConfig,
  type Operation,
  type OrgSnapshot,
  type PolicyType,
} from '../../src';
import {
  account,
  ACCT,
  attach,
  config,
  detach,
  MGMT,
  org,
  policyRule,
  PROD,
  ROOT_SCOPE,
  scpRule,
  WORKLOADS,
} from '../helpers/builders';

const RCP: PolicyType = 'RESOURCE_CONTROL_POLICY';
const TAG: PolicyType = 'TAG_POLICY';
const BACKUP: PolicyType = 'BACKUP_POLICY';

/** Prod account with the SCP and RCP defaults attached; two policies of each other type. */
function snapshot(extra: Partial<OrgSnapshot> = {}): OrgSnapshot {
  const base = org();
  return org({
    enabledPolicyTypes: ['SERVICE_CONTROL_POLICY', RCP, TAG, BACKUP],
    accounts: [...base.accounts, account(ACCT, PROD)],
    policies: [
      ...base.policies,
      { id: 'p-RCPFullAWSAccess', name: 'RCPFullAWSAccess', type: RCP },
      { id: 'p-rcp00001', name: 'Perimeter', type: RCP },
      { id: 'p-rcp00002', name: 'NoPublicS3', type: RCP },
      { id: 'p-tag00001', name: 'CostCenter', type: TAG },
      { id: 'p-tag00002', name: 'Owner', type: TAG },
      { id: 'p-bak00001', name: 'DailyBackups', type: BACKUP },
      { id: 'p-bak00002', name: 'WeeklyBackups', type: BACKUP },
    ],
    attachments: [
      { targetId: ACCT, policyId: 'p-FullAWSAccess' },
      { targetId: ACCT, policyId: 'p-RCPFullAWSAccess' },
      ...(extra.attachments ?? []),
    ],
    ...(extra.enabledPolicyTypes === undefined
      ? {}
      : { enabledPolicyTypes: extra.enabledPolicyTypes }),
  });
}

/** Baseline SCP (v1 list), an extra SCP on the account, an RCP on Workloads, tag and backup on the root. */
const RULES: Pick<GovernanceConfig, 'scpRules' | 'policyRules'> = {
  scpRules: [scpRule('baseline', ['DenyLeaveOrg'], ROOT_SCOPE)],
  policyRules: [
    policyRule('more-scps', 'SERVICE_CONTROL_POLICY', ['DenyRegions'], {
      type: 'account',
      id: ACCT,
    }),
    policyRule('perimeter', RCP, ['Perimeter'], {
      type: 'ou',
      id: WORKLOADS,
      includeDescendants: true,
    }),
    policyRule('tags', TAG, ['CostCenter']),
    policyRule('backups', BACKUP, ['DailyBackups']),
  ],
};

const managed = (policyId: string, ...ruleIds: string[]) => ({
  targetId: ACCT,
  policyId,
  managedBy: ruleIds,
});

/** Everything RULES asks for, attached and recorded. */
const ALL_IN_PLACE = [
  managed('p-aaaa1111', 'baseline'),
  managed('p-cccc3333', 'more-scps'),
  managed('p-rcp00001', 'perimeter'),
  managed('p-tag00001', 'tags'),
  managed('p-bak00001', 'backups'),
];

interface Row {
  readonly name: string;
  readonly org: Partial<OrgSnapshot>;
  readonly governance: GovernanceConfig;
  readonly operations: readonly Operation[];
  /** `<rule id> <reason>` of the account's skips. */
  readonly skipped: readonly string[];
}

const ROWS: readonly Row[] = [
  {
    name: 'attaches the policies of every type, each with its type',
    org: {},
    governance: config(RULES),
    operations: [
      attach(ACCT, 'p-aaaa1111', ['baseline']),
      attach(ACCT, 'p-bak00001', ['backups'], BACKUP),
      attach(ACCT, 'p-cccc3333', ['more-scps']),
      attach(ACCT, 'p-rcp00001', ['perimeter'], RCP),
      attach(ACCT, 'p-tag00001', ['tags'], TAG),
    ],
    skipped: [],
  },
  {
    name: 'detaches managed items of each type no rule justifies; unmanaged and default policies stay',
    org: {
      attachments: [
        ...ALL_IN_PLACE,
        managed('p-rcp00002', 'old-perimeter'),
        managed('p-tag00002', 'old-tags'),
        { targetId: ACCT, policyId: 'p-bak00002' },
      ],
    },
    governance: config(RULES),
    operations: [detach(ACCT, 'p-rcp00002', RCP), detach(ACCT, 'p-tag00002', TAG)],
    skipped: [],
  },
  {
    name: 'after the last RCP and backup rules are gone, their managed attachments are detached (RCPFullAWSAccess kept)',
    org: {
      attachments: [
        ...ALL_IN_PLACE,
        { targetId: ACCT, policyId: 'p-RCPFullAWSAccess', managedBy: ['perimeter'] },
      ],
    },
    governance: config({
      ...RULES,
      policyRules: (RULES.policyRules ?? []).filter((r) => r.type !== RCP && r.type !== BACKUP),
    }),
    operations: [detach(ACCT, 'p-bak00001', BACKUP), detach(ACCT, 'p-rcp00001', RCP)],
    skipped: [],
  },
  {
    name: 'counts slots per type (defaults included), a detach frees a slot of its own type only',
    org: {
      attachments: [managed('p-rcp00002', 'old-perimeter'), managed('p-tag00002', 'old-tags')],
    },
    governance: config({
      settings: {
        maxScpsPerTarget: 2,
        includeManagementAccount: false,
        maxPoliciesPerTarget: { [RCP]: 2, [TAG]: 1, [BACKUP]: 1 },
      },
      ...RULES,
      policyRules: [
        ...(RULES.policyRules ?? []).filter((r) => r.type !== BACKUP),
        policyRule('backups', BACKUP, ['DailyBackups', 'WeeklyBackups']),
      ],
    }),
    operations: [
      // SCPs: FullAWSAccess + DenyLeaveOrg fill the 2 slots; DenyRegions is skipped.
      attach(ACCT, 'p-aaaa1111', ['baseline']),
      // Backup: 1 slot, policy-id order.
      attach(ACCT, 'p-bak00001', ['backups'], BACKUP),
      // RCP: RCPFullAWSAccess + the old RCP = 2; the detach frees one for Perimeter.
      attach(ACCT, 'p-rcp00001', ['perimeter'], RCP),
      detach(ACCT, 'p-rcp00002', RCP),
      // Tag: 1 slot, freed by the detach of the old tag policy.
      attach(ACCT, 'p-tag00001', ['tags'], TAG),
      detach(ACCT, 'p-tag00002', TAG),
    ],
    skipped: ['backups PolicyLimitExceeded', 'more-scps ScpLimitExceeded'],
  },
  {
    name: 'skips the rules of the types the root does not enable, plans the others',
    org: { enabledPolicyTypes: ['SERVICE_CONTROL_POLICY', RCP] },
    governance: config(RULES),
    operations: [
      attach(ACCT, 'p-aaaa1111', ['baseline']),
      attach(ACCT, 'p-cccc3333', ['more-scps']),
      attach(ACCT, 'p-rcp00001', ['perimeter'], RCP),
    ],
    skipped: ['backups PolicyTypeNotEnabled', 'tags PolicyTypeNotEnabled'],
  },
  {
    name: 'scpRules and SCP policyRules justify one attachment together; names resolve within their type',
    org: {},
    governance: config({
      scpRules: [scpRule('baseline', ['DenyLeaveOrg'], ROOT_SCOPE)],
      policyRules: [
        policyRule('scp-extra', 'SERVICE_CONTROL_POLICY', ['DenyLeaveOrg']),
        policyRule('tags', TAG, ['CostCenter', 'DenyLeaveOrg']),
        policyRule('backups', BACKUP, ['p-bak00002', 'Perimeter']),
      ],
    }),
    operations: [
      attach(ACCT, 'p-aaaa1111', ['baseline', 'scp-extra']),
      attach(ACCT, 'p-bak00002', ['backups'], BACKUP),
      attach(ACCT, 'p-tag00001', ['tags'], TAG),
    ],
    skipped: ['backups PolicyNotFound', 'tags PolicyNotFound'],
  },
];

/** Operations in one order whatever the plan's (the plan's own order is tested elsewhere). */
const sorted = (operations: readonly Operation[]) =>
  [...operations].sort((a, b) =>
    'policyId' in a && 'policyId' in b ? (a.policyId < b.policyId ? -1 : 1) : 0,
  );

describe('SCP, RCP, tag and backup rules together', () => {
  it.each(ROWS)('$name', (row) => {
    const plan = planReconcile(snapshot(row.org), row.governance);
    expect({
      operations: sorted(plan.operations),
      skipped: plan.skipped
        .filter((s) => s.accountId !== MGMT)
        .map((s) => `${s.ruleId ?? '-'} ${s.reason}`)
        .sort(),
    }).toStrictEqual({ operations: sorted(row.operations), skipped: [...row.skipped].sort() });
  });

  it('never plans for the management account: one ManagementAccount skip per matching rule', () => {
    const plan = planReconcile(snapshot(), config(RULES));
    expect(
      plan.skipped
        .filter((s) => s.accountId === MGMT)
        .map((s) => `${s.ruleId ?? '-'} ${s.reason}`)
        .sort(),
    ).toStrictEqual([
      'backups ManagementAccount',
      'baseline ManagementAccount',
      'tags ManagementAccount',
    ]);
  });
});

import {
  DEFAULT_POLICY_SLOTS,
  parseGovernanceConfig,
  planReconcile,
  resolveConfig,
  type GovernanceConfig,
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
  ROOT,
  ROOT_SCOPE,
  scpRule,
} from '../helpers/builders';

/** One row per policy type: a managed policy `p-<n>a`, a second `p-<n>b`, the default policy if any. */
interface TypeCase {
  readonly type: PolicyType;
  readonly ids: readonly [string, string];
  readonly defaultPolicy?: { readonly id: string; readonly name: string };
  readonly limitReason: 'ScpLimitExceeded' | 'PolicyLimitExceeded';
}

const CASES: readonly TypeCase[] = [
  {
    type: 'SERVICE_CONTROL_POLICY',
    ids: ['p-scp0000a', 'p-scp0000b'],
    defaultPolicy: { id: 'p-FullAWSAccess', name: 'FullAWSAccess' },
    limitReason: 'ScpLimitExceeded',
  },
  {
    type: 'RESOURCE_CONTROL_POLICY',
    ids: ['p-rcp0000a', 'p-rcp0000b'],
    defaultPolicy: { id: 'p-RCPFullAWSAccess', name: 'RCPFullAWSAccess' },
    limitReason: 'PolicyLimitExceeded',
  },
  ...(
    [
      'TAG_POLICY',
      'BACKUP_POLICY',
      'AISERVICES_OPT_OUT_POLICY',
      'CHATBOT_POLICY',
      'DECLARATIVE_POLICY_EC2',
      'SECURITYHUB_POLICY',
    ] as const
  ).map((type, i): TypeCase => ({
    type,
    ids: [`p-typ${i}000a`, `p-typ${i}000b`],
    limitReason: 'PolicyLimitExceeded',
  })),
];

/** An organization with one account under the root and every policy of `c` (the default one included). */
function orgFor(c: TypeCase, extra: Partial<OrgSnapshot> = {}): OrgSnapshot {
  const base = org();
  return org({
    enabledPolicyTypes: ['SERVICE_CONTROL_POLICY', c.type],
    accounts: [...base.accounts, account(ACCT, ROOT)],
    policies: [
      ...base.policies,
      ...(c.defaultPolicy === undefined || c.type === 'SERVICE_CONTROL_POLICY'
        ? []
        : [{ ...c.defaultPolicy, type: c.type }]),
      { id: c.ids[0], name: `${c.type}-A`, type: c.type },
      { id: c.ids[1], name: `${c.type}-B`, type: c.type },
    ],
    ...extra,
  });
}

/** The reconcile plan, without the management account's skips (checked on their own below). */
const reconcile = (snapshot: OrgSnapshot, governance: GovernanceConfig) => {
  const plan = planReconcile(snapshot, governance);
  return { ...plan, skipped: plan.skipped.filter((s) => s.accountId !== MGMT) };
};

describe.each(CASES)('policy type $type', (c) => {
  const rule = policyRule('typed', c.type, [`${c.type}-A`]);

  it('attaches the policies of a rule of this type, with the type on the operation', () => {
    const plan = reconcile(orgFor(c), config({ policyRules: [rule] }));
    expect(plan.operations).toStrictEqual([attach(ACCT, c.ids[0], ['typed'], c.type)]);
    expect(plan.skipped).toStrictEqual([]);
  });

  it('detaches a managed policy of this type no rule justifies, keeps unmanaged ones', () => {
    const snapshot = orgFor(c, {
      attachments: [
        { targetId: ACCT, policyId: c.ids[0], managedBy: ['gone'] },
        { targetId: ACCT, policyId: c.ids[1] },
      ],
    });
    const plan = reconcile(snapshot, config());
    expect(plan.operations).toStrictEqual([detach(ACCT, c.ids[0], c.type)]);
  });

  it("never detaches the type's default policy, even when marked as managed", () => {
    const ids = c.defaultPolicy === undefined ? [] : [c.defaultPolicy.id];
    const snapshot = orgFor(c, {
      attachments: ids.map((policyId) => ({ targetId: ACCT, policyId, managedBy: ['gone'] })),
    });
    expect(reconcile(snapshot, config()).operations).toStrictEqual([]);
  });

  it('counts the slots of this type only, the default policy included', () => {
    const limit = 2;
    const others = CASES.filter((o) => o.type !== c.type).map((o) => o.type);
    const settings = {
      maxScpsPerTarget: 10,
      includeManagementAccount: false,
      maxPoliciesPerTarget: { [c.type]: limit },
    };
    const present = c.defaultPolicy?.id ?? c.ids[1];
    const snapshot = orgFor(c, {
      enabledPolicyTypes: ['SERVICE_CONTROL_POLICY', c.type, ...others],
      attachments: [
        { targetId: ACCT, policyId: present },
        // Attachments of another type never use this type's slots.
        ...(c.type === 'SERVICE_CONTROL_POLICY'
          ? []
          : [{ targetId: ACCT, policyId: 'p-aaaa1111' }]),
      ],
    });
    const both = policyRule('both', c.type, [`${c.type}-A`, `${c.type}-B`]);
    const plan = reconcile(snapshot, config({ settings, policyRules: [both] }));
    const attached = [c.ids[0]];
    expect(plan.operations).toStrictEqual(attached.map((id) => attach(ACCT, id, ['both'], c.type)));
    const skipped = present === c.ids[1] ? [] : [c.ids[1]];
    expect(plan.skipped).toStrictEqual(
      skipped.map((id) => ({
        accountId: ACCT,
        ruleId: 'both',
        reason: c.limitReason,
        detail: expect.stringContaining(`${id}: 2 of 2`),
      })),
    );
  });

  it(`uses AWS's default of ${DEFAULT_POLICY_SLOTS[c.type]} slots when none is configured`, () => {
    const filler = Array.from({ length: DEFAULT_POLICY_SLOTS[c.type] }, (_, i) => ({
      id: `p-fill${String(i).padStart(4, '0')}`,
      name: `filler-${i}`,
      type: c.type,
    }));
    const base = orgFor(c);
    const snapshot = {
      ...base,
      policies: [...base.policies, ...filler],
      attachments: filler.map((p) => ({ targetId: ACCT, policyId: p.id })),
    };
    const plan = reconcile(snapshot, config({ policyRules: [rule] }));
    expect(plan.operations).toStrictEqual([]);
    expect(plan.skipped.map((s) => s.reason)).toStrictEqual([c.limitReason]);
  });

  it('skips a rule whose type is not enabled on the root, with no operation', () => {
    const snapshot = orgFor(c, { enabledPolicyTypes: [] });
    const plan = reconcile(snapshot, config({ policyRules: [rule] }));
    expect(plan.operations).toStrictEqual([]);
    expect(plan.skipped).toStrictEqual([
      {
        accountId: ACCT,
        ruleId: 'typed',
        reason: 'PolicyTypeNotEnabled',
        detail: `${c.type} is not enabled on the root`,
      },
    ]);
  });

  it('never targets the management account', () => {
    const plan = planReconcile(orgFor(c), config({ policyRules: [rule] }));
    expect(plan.operations.map((op) => op.accountId)).toStrictEqual([ACCT]);
    expect(plan.skipped).toStrictEqual([
      {
        accountId: MGMT,
        ruleId: 'typed',
        reason: 'ManagementAccount',
        detail: expect.stringContaining('never target the management account'),
      },
    ]);
  });
});

describe('scpRules and policyRules together', () => {
  const snapshot = orgFor(CASES[1] as TypeCase, {
    enabledPolicyTypes: ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'],
  });

  it('plans both lists, sorted by account, type (detach before attach) and policy id', () => {
    const governance = config({
      scpRules: [scpRule('scps', ['DenyLeaveOrg'], ROOT_SCOPE)],
      policyRules: [
        policyRule('rcps', 'RESOURCE_CONTROL_POLICY', ['RESOURCE_CONTROL_POLICY-A']),
        policyRule('more-scps', 'SERVICE_CONTROL_POLICY', ['DenyLeaveOrg', 'DenyRegions']),
      ],
    });
    const plan = reconcile(snapshot, governance);
    expect(plan.operations).toStrictEqual([
      attach(ACCT, 'p-aaaa1111', ['more-scps', 'scps']),
      attach(ACCT, 'p-cccc3333', ['more-scps']),
      attach(ACCT, 'p-rcp0000a', ['rcps'], 'RESOURCE_CONTROL_POLICY'),
    ]);
  });

  it('resolves a name only within the rule type (a policy of another type is not found)', () => {
    const governance = config({
      policyRules: [policyRule('wrong', 'RESOURCE_CONTROL_POLICY', ['DenyLeaveOrg'])],
    });
    expect(reconcile(snapshot, governance).skipped).toStrictEqual([
      {
        accountId: ACCT,
        ruleId: 'wrong',
        reason: 'PolicyNotFound',
        detail: 'policy DenyLeaveOrg is a SERVICE_CONTROL_POLICY, not a RESOURCE_CONTROL_POLICY',
      },
    ]);
  });
});

describe('policyRules in the configuration', () => {
  it('reads policyRules and maxPoliciesPerTarget, keeping scpRules valid', () => {
    const parsed = parseGovernanceConfig(
      [
        'settings:',
        '  maxPoliciesPerTarget: { RESOURCE_CONTROL_POLICY: 3 }',
        'scpRules:',
        '  - { id: base, policies: [DenyLeaveOrg], scope: { type: root } }',
        'policyRules:',
        '  - { id: perimeter, type: RESOURCE_CONTROL_POLICY, policies: [P], scope: { type: root } }',
      ].join('\n'),
      'governance.yaml',
    );
    expect(parsed.settings.maxPoliciesPerTarget).toStrictEqual({ RESOURCE_CONTROL_POLICY: 3 });
    expect(parsed.scpRules.map((r) => r.id)).toStrictEqual(['base']);
    expect(parsed.policyRules).toStrictEqual([
      {
        id: 'perimeter',
        type: 'RESOURCE_CONTROL_POLICY',
        policies: ['P'],
        scope: { type: 'root' },
        exclude: { accounts: [], ous: [] },
      },
    ]);
  });

  it('lists unknown types, ids used twice across lists and SCP slots given twice, with paths', () => {
    const text = [
      'settings:',
      '  maxScpsPerTarget: 5',
      '  maxPoliciesPerTarget: { SERVICE_CONTROL_POLICY: 6, NOT_A_TYPE: 1 }',
      'scpRules:',
      '  - { id: same, policies: [A], scope: { type: root } }',
      'policyRules:',
      '  - { id: same, type: TAG_POLICY, policies: [B, B], scope: { type: root } }',
      '  - { id: other, type: MADE_UP_POLICY, policies: [C], scope: { type: root } }',
    ].join('\n');
    const lines = [
      'line 3: settings.maxPoliciesPerTarget.NOT_A_TYPE: unknown field "NOT_A_TYPE"',
      'line 3: settings.maxPoliciesPerTarget.SERVICE_CONTROL_POLICY: SCP slots are given twice',
      'line 7: policyRules[0].id: duplicate id "same" (first used at scpRules[0].id)',
      'line 7: policyRules[0].policies[1]: policy "B" is listed twice',
      'line 8: policyRules[1].type: expected one of: SERVICE_CONTROL_POLICY, RESOURCE_CONTROL_POLICY',
    ];
    expect(() => parseGovernanceConfig(text, 'governance.yaml')).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(
          new RegExp(lines.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^]*')),
        ),
      }),
    );
  });
});

describe('validate --org warnings for policy rules', () => {
  it('warns when a rule type is not enabled and when a rule would exceed its slots', () => {
    const c = CASES[1] as TypeCase;
    const snapshot = orgFor(c, {
      enabledPolicyTypes: ['SERVICE_CONTROL_POLICY'],
      attachments: [{ targetId: ACCT, policyId: 'p-FullAWSAccess' }],
    });
    const governance = config({
      settings: { maxScpsPerTarget: 1, includeManagementAccount: false },
      scpRules: [scpRule('scps', ['DenyLeaveOrg'], ROOT_SCOPE)],
      policyRules: [policyRule('rcps', 'RESOURCE_CONTROL_POLICY', ['RESOURCE_CONTROL_POLICY-A'])],
    });
    const warnings = resolveConfig(governance, snapshot).map((w) => `${w.path}: ${w.message}`);
    expect(warnings).toStrictEqual([
      'policyRules[0].type: policy type "RESOURCE_CONTROL_POLICY" is not enabled on the root (plans skip the rule)',
      'scpRules[0]: would exceed the SCP slots per target on 1 account (first: 222222222222, p-aaaa1111: 1 of 1 SCP slots in use)',
    ]);
  });
});

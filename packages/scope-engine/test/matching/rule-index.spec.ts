import { accountsInScope, matchScope, OrgIndex, RuleIndex, type ScopedRule } from '../../src';
import { account, org, PROD, ROOT, SANDBOX, WORKLOADS } from '../helpers/builders';

const none = { accounts: [], ous: [] };
const rules: Array<ScopedRule & { id: string }> = [
  { id: 'root', scope: { type: 'root' }, exclude: { accounts: [], ous: [SANDBOX] } },
  {
    id: 'workloads-tree',
    scope: { type: 'ou', id: WORKLOADS, includeDescendants: true },
    exclude: none,
  },
  {
    id: 'workloads-only',
    scope: { type: 'ou', id: WORKLOADS, includeDescendants: false },
    exclude: none,
  },
  { id: 'prod', scope: { type: 'ou', id: PROD, includeDescendants: true }, exclude: none },
  { id: 'one', scope: { type: 'account', id: '444444444444' }, exclude: none },
  { id: 'env', scope: { type: 'accountTag', key: 'env' }, exclude: none },
  {
    id: 'env-prod',
    scope: { type: 'accountTag', key: 'env', value: 'prod' },
    exclude: { accounts: ['555555555555'], ous: [] },
  },
];
const snapshot = org({
  accounts: [
    account('222222222222', ROOT),
    account('333333333333', WORKLOADS, { tags: { env: 'dev' } }),
    account('444444444444', PROD, { tags: { env: 'prod' } }),
    account('555555555555', PROD, { tags: { env: 'prod' } }),
    account('666666666666', SANDBOX, { tags: { env: 'prod' } }),
  ],
});
const index = OrgIndex.of(snapshot);
const ruleIndex = RuleIndex.of(rules);

describe('RuleIndex', () => {
  it.each([
    ['222222222222', ['root']],
    ['333333333333', ['root', 'workloads-tree', 'workloads-only', 'env']],
    ['444444444444', ['root', 'workloads-tree', 'prod', 'one', 'env', 'env-prod']],
    ['555555555555', ['root', 'workloads-tree', 'prod', 'env']],
    ['666666666666', ['env', 'env-prod']],
  ])('finds the rules of account %s in configuration order', (id, expected) => {
    const acct = index.account(id);
    if (acct === undefined) throw new Error(`no account ${id}`);
    expect(ruleIndex.matching(acct, index).map((m) => m.rule.id)).toStrictEqual(expected);
  });

  it('agrees with matching every rule against every account', () => {
    for (const acct of snapshot.accounts) {
      const brute = rules
        .filter((r) => matchScope(acct, r.scope, r.exclude, index).match)
        .map((r) => r.id);
      expect(ruleIndex.matching(acct, index).map((m) => m.rule.id)).toStrictEqual(brute);
    }
  });

  it('gives the reason of each match', () => {
    const acct = index.account('333333333333');
    if (acct === undefined) throw new Error('missing account');
    expect(ruleIndex.matching(acct, index).map((m) => [m.rule.id, m.reason])).toStrictEqual([
      ['root', 'root: every account'],
      ['workloads-tree', `ou: in ${WORKLOADS}`],
      ['workloads-only', `ou: in ${WORKLOADS}`],
      ['env', 'accountTag: env (any value)'],
    ]);
  });
});

describe('accountsInScope', () => {
  it.each(rules.map((r) => [r.id, r] as const))(
    'is the reverse of matchScope for rule %s',
    (_id, rule) => {
      const expected = snapshot.accounts.filter(
        (a) => matchScope(a, rule.scope, rule.exclude, index).match,
      );
      expect(accountsInScope(rule.scope, rule.exclude, index)).toStrictEqual(expected);
    },
  );

  it('returns nothing for an unknown account', () => {
    expect(accountsInScope({ type: 'account', id: '999999999999' }, none, index)).toStrictEqual([]);
  });
});

describe('OrgIndex', () => {
  it('answers the lookups the engine needs', () => {
    expect({
      ancestorsOfProd: index.ancestorsOf(PROD),
      ancestorsOfRoot: index.ancestorsOf(ROOT),
      ancestorsOfUnknown: index.ancestorsOf('ou-ab12-99999999'),
      childOfRoot: index.childOus(ROOT).map((o) => o.id),
      underProd: index.accountsUnder(PROD).map((a) => a.id),
      envAny: index.accountsWithTag('env').map((a) => a.id),
      envDev: index.accountsWithTag('env', 'dev').map((a) => a.id),
      noKey: index.accountsWithTag('team'),
      isParent: [index.isParent(ROOT), index.isParent(PROD), index.isParent('ou-ab12-99999999')],
      attachments: index.attachmentsOf('222222222222'),
      assignments: index.assignmentsOf('222222222222'),
    }).toStrictEqual({
      ancestorsOfProd: [PROD, WORKLOADS],
      ancestorsOfRoot: [],
      ancestorsOfUnknown: ['ou-ab12-99999999'],
      childOfRoot: [WORKLOADS, SANDBOX],
      underProd: ['444444444444', '555555555555'],
      envAny: ['333333333333', '444444444444', '555555555555', '666666666666'],
      envDev: ['333333333333'],
      noKey: [],
      isParent: [true, true, false],
      attachments: [],
      assignments: [],
    });
  });
});

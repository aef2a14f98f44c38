import { matchScope, OrgIndex, type Exclusions, type MatchResult, type Scope } from '../../src';
import { account, ACCT, org, PROD, ROOT, SANDBOX, WORKLOADS } from '../helpers/builders';

const index = OrgIndex.of(org());
const none: Exclusions = { accounts: [], ous: [] };
const inRoot = account(ACCT, ROOT, { tags: { env: 'prod', team: '' } });
const inWorkloads = account(ACCT, WORKLOADS);
const inProd = account(ACCT, PROD, { tags: { env: 'dev' } });
const inSandbox = account(ACCT, SANDBOX);

describe('matchScope', () => {
  it.each<[string, Parameters<typeof matchScope>[0], Scope, Exclusions, MatchResult]>([
    [
      'root matches every account',
      inProd,
      { type: 'root' },
      none,
      { match: true, reason: 'root: every account' },
    ],
    [
      'root loses to an account exclusion',
      inProd,
      { type: 'root' },
      { accounts: [ACCT], ous: [] },
      { match: false, reason: `excluded: account ${ACCT}` },
    ],
    [
      'root loses to an OU-subtree exclusion (nested OU)',
      inProd,
      { type: 'root' },
      { accounts: [], ous: [WORKLOADS] },
      { match: false, reason: `excluded: in OU ${WORKLOADS}` },
    ],
    [
      'an exclusion of another subtree does not apply',
      inProd,
      { type: 'root' },
      { accounts: [], ous: [SANDBOX] },
      { match: true, reason: 'root: every account' },
    ],
    [
      'ou matches a direct child',
      inWorkloads,
      { type: 'ou', id: WORKLOADS, includeDescendants: false },
      none,
      { match: true, reason: `ou: in ${WORKLOADS}` },
    ],
    [
      'ou matches a nested OU with includeDescendants',
      inProd,
      { type: 'ou', id: WORKLOADS, includeDescendants: true },
      none,
      { match: true, reason: `ou: below ${WORKLOADS}` },
    ],
    [
      'ou does not match a nested OU without includeDescendants',
      inProd,
      { type: 'ou', id: WORKLOADS, includeDescendants: false },
      none,
      { match: false, reason: `ou: not directly in ${WORKLOADS}` },
    ],
    [
      'ou does not match another subtree',
      inSandbox,
      { type: 'ou', id: WORKLOADS, includeDescendants: true },
      none,
      { match: false, reason: `ou: not in ${WORKLOADS} or below` },
    ],
    [
      'ou loses to an exclusion of the OU itself',
      inWorkloads,
      { type: 'ou', id: WORKLOADS, includeDescendants: true },
      { accounts: [], ous: [WORKLOADS] },
      { match: false, reason: `excluded: in OU ${WORKLOADS}` },
    ],
    [
      'account matches its id',
      inRoot,
      { type: 'account', id: ACCT },
      none,
      { match: true, reason: `account: ${ACCT}` },
    ],
    [
      'account does not match another id',
      inRoot,
      { type: 'account', id: '999999999999' },
      none,
      { match: false, reason: 'account: not 999999999999' },
    ],
    [
      'account loses to an exclusion',
      inRoot,
      { type: 'account', id: ACCT },
      { accounts: [ACCT], ous: [] },
      { match: false, reason: `excluded: account ${ACCT}` },
    ],
    [
      'accountTag matches key and value',
      inRoot,
      { type: 'accountTag', key: 'env', value: 'prod' },
      none,
      { match: true, reason: 'accountTag: env=prod' },
    ],
    [
      'accountTag matches any value when value is omitted (even empty)',
      inRoot,
      { type: 'accountTag', key: 'team' },
      none,
      { match: true, reason: 'accountTag: team (any value)' },
    ],
    [
      'accountTag does not match another value',
      inProd,
      { type: 'accountTag', key: 'env', value: 'prod' },
      none,
      { match: false, reason: 'accountTag: env=dev, not prod' },
    ],
    [
      'accountTag is case-sensitive',
      inRoot,
      { type: 'accountTag', key: 'env', value: 'Prod' },
      none,
      { match: false, reason: 'accountTag: env=prod, not Prod' },
    ],
    [
      'accountTag does not match without the key',
      inWorkloads,
      { type: 'accountTag', key: 'env' },
      none,
      { match: false, reason: 'accountTag: no tag env' },
    ],
    [
      'accountTag loses to an exclusion',
      inRoot,
      { type: 'accountTag', key: 'env' },
      { accounts: [ACCT], ous: [] },
      { match: false, reason: `excluded: account ${ACCT}` },
    ],
  ])('%s', (_name, acct, scope, exclude, expected) => {
    expect(matchScope(acct, scope, exclude, index)).toStrictEqual(expected);
  });
});

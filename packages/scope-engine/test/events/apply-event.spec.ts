import type { DomainEvent } from '@org/event-schemas';
import { applyEvent, applyTagChange, type OrgSnapshot } from '../../src';
import { account, ACCT, events, org, PROD, ROOT, WORKLOADS } from '../helpers/builders';

const base = org({
  accounts: [account(ACCT, ROOT, { name: 'payments', tags: { env: 'dev', owner: 'x' } })],
  attachments: [
    { targetId: ACCT, policyId: 'p-aaaa1111', managedBy: ['r'] },
    { targetId: ROOT, policyId: 'p-FullAWSAccess' },
  ],
  assignments: [
    {
      accountId: ACCT,
      permissionSetArn: 'arn:aws:sso:::permissionSet/x',
      principalType: 'GROUP',
      principalId: 'g',
    },
  ],
});

describe('applyEvent (SPEC §6, bullet 2)', () => {
  it.each<[string, DomainEvent, (s: OrgSnapshot) => unknown, unknown]>([
    [
      'AccountCreated adds an ACTIVE, untagged account under the root',
      events.created('444444444444', 'fresh'),
      (s) => s.accounts[1],
      account('444444444444', ROOT, { name: 'fresh' }),
    ],
    [
      'AccountCreated without a name uses the id',
      events.created('444444444444', null),
      (s) => s.accounts[1]?.name,
      '444444444444',
    ],
    [
      'AccountCreated keeps an existing account as it is',
      events.created(ACCT, 'other'),
      (s) => s.accounts,
      base.accounts,
    ],
    [
      'AccountJoined adds the account under the root',
      events.joined('555555555555'),
      (s) => s.accounts[1],
      account('555555555555', ROOT, { name: '555555555555' }),
    ],
    [
      'AccountMoved sets the parent',
      events.moved(ACCT, ROOT, PROD),
      (s) => s.accounts[0]?.parentId,
      PROD,
    ],
    [
      'aws.tag replaces the tag map',
      events.tagsReplaced(ACCT, { env: 'prod' }, ['env', 'owner']),
      (s) => s.accounts[0]?.tags,
      { env: 'prod' },
    ],
    [
      'TagResource sets the given keys',
      events.tagsSet(ACCT, { env: 'prod', team: 'a' }),
      (s) => s.accounts[0]?.tags,
      { env: 'prod', owner: 'x', team: 'a' },
    ],
    [
      'UntagResource removes the keys',
      events.tagsRemoved(ACCT, ['owner', 'absent']),
      (s) => s.accounts[0]?.tags,
      { env: 'dev' },
    ],
    [
      'AccountRemoved forgets the account and its items',
      events.removed(ACCT),
      (s) => [s.accounts.map((a) => a.id), s.attachments, s.assignments],
      [[], [{ targetId: ROOT, policyId: 'p-FullAWSAccess' }], []],
    ],
    [
      'a SUCCEEDED vending adds the account under its OU',
      events.vended('666666666666', PROD),
      (s) => s.accounts[1],
      account('666666666666', PROD, { name: 'vended-acct' }),
    ],
    [
      'a SUCCEEDED vending moves a known account to its OU',
      events.vended(ACCT, WORKLOADS),
      (s) => s.accounts[0]?.parentId,
      WORKLOADS,
    ],
    [
      'a vending without an OU keeps a known account where it is',
      events.vended(ACCT, null),
      (s) => s.accounts[0]?.parentId,
      ROOT,
    ],
    ['a FAILED vending changes nothing', events.vended(null, PROD, 'FAILED'), (s) => s, base],
    [
      'OrganizationalUnitCreated adds the OU',
      events.ouCreated('ou-ab12-44444444', ROOT),
      (s) => s.organizationalUnits[3],
      { id: 'ou-ab12-44444444', name: 'Security', parentId: ROOT },
    ],
    [
      'OrganizationalUnitCreated of a known OU changes nothing',
      events.ouCreated(PROD, ROOT),
      (s) => s,
      base,
    ],
    ['CreateAccountFailed changes nothing', events.createFailed(), (s) => s, base],
  ])('%s', (_name, event, pick, expected) => {
    expect(pick(applyEvent(base, event))).toStrictEqual(expected);
  });

  it('does not modify its input', () => {
    const copy = structuredClone(base);
    applyEvent(base, events.moved(ACCT, ROOT, PROD));
    expect(base).toStrictEqual(copy);
  });

  it('is idempotent: applying an event twice is applying it once', () => {
    const event = events.tagsSet(ACCT, { env: 'prod' });
    expect(applyEvent(applyEvent(base, event), event)).toStrictEqual(applyEvent(base, event));
  });
});

describe('applyTagChange', () => {
  it('ignores inherited properties when removing', () => {
    expect(applyTagChange({ a: '1' }, { kind: 'remove', keys: ['toString'] })).toStrictEqual({
      a: '1',
    });
  });
});

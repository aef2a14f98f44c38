import type { DomainEvent } from '@org/event-schemas';
import { accountToRead, rereadEffect, type Account, type EventEffect } from '../../src';
import { ACCT, account, events, PROD, ROOT, WORKLOADS } from '../helpers/builders';

/** The account as re-read after the event: moved to PROD, tagged, ACTIVE. */
const READ: Account = account(ACCT, PROD, { tags: { env: 'prod' } });

describe('rereadEffect: the account as re-read after the event, whatever the event says', () => {
  it.each<[string, DomainEvent, Account | undefined, EventEffect]>([
    ['created', events.created(ACCT), READ, { kind: 'account', account: READ, added: false }],
    ['joined', events.joined(ACCT), READ, { kind: 'account', account: READ, added: false }],
    [
      'a stale move (the account is elsewhere now)',
      events.moved(ACCT, ROOT, WORKLOADS),
      READ,
      { kind: 'account', account: READ, added: false },
    ],
    [
      'tags changed',
      events.tagsSet(ACCT, { env: 'dev' }),
      READ,
      { kind: 'account', account: READ, added: false },
    ],
    [
      'an account that left the organization',
      events.moved(ACCT, ROOT, WORKLOADS),
      undefined,
      { kind: 'ignored', reason: 'AccountNotInOrganization', accountId: ACCT },
    ],
    ['removed', events.removed(ACCT), undefined, { kind: 'accountRemoved', accountId: ACCT }],
    [
      'a new OU',
      events.ouCreated('ou-ab12-99999999', ROOT),
      undefined,
      { kind: 'ouCreated', ou: { id: 'ou-ab12-99999999', name: 'Security', parentId: ROOT } },
    ],
    ['a failed account creation', events.createFailed(), undefined, { kind: 'none' }],
    [
      'a failed vending',
      events.vended(null, PROD, 'FAILED'),
      undefined,
      { kind: 'ignored', reason: 'VendingFailed', accountId: null },
    ],
    [
      'a vended account',
      events.vended(ACCT, WORKLOADS),
      READ,
      { kind: 'account', account: READ, added: false },
    ],
  ])('%s', (_name, event, read, expected) => {
    expect(rereadEffect(event, read)).toStrictEqual(expected);
  });
});

describe('accountToRead', () => {
  it.each<[string, DomainEvent, string | null]>([
    ['created', events.created(ACCT), ACCT],
    ['moved', events.moved(ACCT, ROOT, PROD), ACCT],
    ['tags changed', events.tagsRemoved(ACCT, ['env']), ACCT],
    ['removed', events.removed(ACCT), null],
    ['a new OU', events.ouCreated('ou-ab12-99999999', ROOT), null],
    ['a failed account creation', events.createFailed(), null],
    ['a vended account', events.vended(ACCT, PROD), ACCT],
    ['a vending in progress', events.vended(ACCT, PROD, 'IN_PROGRESS'), null],
  ])('%s', (_name, event, expected) => {
    expect(accountToRead(event)).toBe(expected);
  });
});

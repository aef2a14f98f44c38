import type { DomainEvent } from '@org/event-schemas';
import type { Account } from '../model/org-snapshot';
import { accountToRead } from './account-to-read';
import { eventEffect, type EventEffect, type EventLookup } from './event-effect';

/** Lookups over an organization nobody read: no root, no OU, no account. */
const NOTHING_READ: EventLookup = {
  rootId: '',
  account: () => undefined,
  isParent: () => false,
};

/**
 * What is known of an event's account when it was re-read after the event (the deployed
 * processor and notifier: events are hints, delivered best effort, so the account is planned as it
 * *is* now and a late or out-of-order event cannot undo a newer change). An event about no live
 * account (OU created, account creation failed or removed, a vending that did not succeed) has the
 * effect {@link eventEffect} gives it; an account that is not in the organization any more is
 * ignored as `AccountNotInOrganization`.
 *
 * @param account - The event's account as read now; `undefined` when it is not in the organization
 *   (or the event concerns no account, see {@link accountToRead}).
 * @example
 * ```ts
 * const known = rereadEffect(event, await organizations.readAccount(accountToRead(event)));
 * ```
 */
export function rereadEffect(event: DomainEvent, account: Account | undefined): EventEffect {
  const accountId = accountToRead(event);
  if (accountId === null) return eventEffect(event, NOTHING_READ);
  if (account === undefined)
    return { kind: 'ignored', reason: 'AccountNotInOrganization', accountId };
  return { kind: 'account', account, added: false };
}

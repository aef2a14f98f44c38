import type { DomainEvent } from '@org/event-schemas';

/** Events after which the account must exist: if it is not visible yet, the event is retried. */
export const ACCOUNT_MUST_EXIST: ReadonlySet<DomainEvent['type']> = new Set<DomainEvent['type']>([
  'AccountCreated',
  'AccountJoined',
  'ManagedAccountVended',
]);

/**
 * The account an event needs re-read before planning (events are hints, delivered best effort), or `null`
 * when the event concerns no live account (OU created, account creation failed, account removed,
 * a vending that did not succeed).
 *
 * @example
 * ```ts
 * accountToRead(accountMovedEvent); // '222233334444'
 * ```
 */
export function accountToRead(event: DomainEvent): string | null {
  switch (event.type) {
    case 'AccountCreated':
    case 'AccountJoined':
    case 'AccountMoved':
    case 'AccountTagsChanged':
      return event.accountId;
    case 'ManagedAccountVended':
      return event.state === 'SUCCEEDED' ? event.accountId : null;
    case 'AccountRemoved':
    case 'OrganizationalUnitCreated':
    case 'CreateAccountFailed':
      return null;
  }
}

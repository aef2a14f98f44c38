import type { DomainEvent } from './domain-event';

/**
 * The names a notification's `on` may list: domain event types, and the two halves of
 * `ManagedAccountVended` — `ManagedAccountCreated` (a `CreateManagedAccount`) and
 * `ManagedAccountUpdated` (an `UpdateManagedAccount`: a retried vending, an enrollment or an
 * update of an enrolled account).
 */
export const NOTIFICATION_TRIGGERS = [
  'ManagedAccountVended',
  'ManagedAccountCreated',
  'ManagedAccountUpdated',
  'AccountCreated',
  'AccountJoined',
  'CreateAccountFailed',
] as const;

/** One name a notification's `on` may list. */
export type NotificationTrigger = (typeof NOTIFICATION_TRIGGERS)[number];

/**
 * The `on` names an event answers to: a vending answers to `ManagedAccountVended` and to
 * `ManagedAccountCreated` or `ManagedAccountUpdated` by its `lifecycle`; the other notifiable
 * events to their type; the rest to none.
 *
 * @example
 * ```ts
 * notificationTriggersOf(updateVending); // ['ManagedAccountVended', 'ManagedAccountUpdated']
 * ```
 */
export function notificationTriggersOf(event: DomainEvent): readonly NotificationTrigger[] {
  switch (event.type) {
    case 'ManagedAccountVended':
      return [
        'ManagedAccountVended',
        event.lifecycle === 'created' ? 'ManagedAccountCreated' : 'ManagedAccountUpdated',
      ];
    case 'AccountCreated':
    case 'AccountJoined':
    case 'CreateAccountFailed':
      return [event.type];
    default:
      return [];
  }
}

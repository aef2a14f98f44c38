import type { GovernanceConfig } from '@org/scope-engine';

/** Which functions an event reaches. */
export type LocalTarget = 'processor' | 'notifier';

/** The CloudTrail event names of the Organizations events a notification can listen to. */
const NOTIFIABLE_EVENT_NAMES: Readonly<Record<string, readonly string[]>> = {
  AccountCreated: ['CreateAccountResult'],
  CreateAccountFailed: ['CreateAccountResult'],
  AccountJoined: ['AcceptHandshake'],
};

/**
 * The local event bus, routing like the construct's EventBridge rules: Control Tower events to
 * the vending notifier; Organizations events to the processor, and also to the notifier when a
 * notification listens to their domain type.
 *
 * @example
 * ```ts
 * routeEvent(raw, config); // ['processor', 'notifier'] for a CreateAccountResult with an AccountCreated notification
 * ```
 */
export function routeEvent(raw: unknown, config: GovernanceConfig): LocalTarget[] {
  const event = (typeof raw === 'object' && raw !== null ? raw : {}) as {
    readonly source?: unknown;
    readonly detail?: { readonly eventName?: unknown };
  };
  if (event.source === 'aws.controltower') return ['notifier'];
  const eventName = typeof event.detail?.eventName === 'string' ? event.detail.eventName : '';
  const notified = config.notifications.some((notification) =>
    notification.on.some((on) => (NOTIFIABLE_EVENT_NAMES[on] ?? []).includes(eventName)),
  );
  return notified ? ['processor', 'notifier'] : ['processor'];
}

/**
 * The event bus of the chaos run: routes each raw event like the construct's EventBridge rules and
 * invokes the target functions asynchronously, as Lambda does (two retries, a minute and two
 * minutes apart in product time; an event still failing then goes to the failed-events queue).
 */
import type { GovernanceConfig } from '@org/scope-engine';
import type { Context } from 'aws-lambda';
import type { Clock } from '@org/governance-runtime';
import type { RawEvent } from '../world/raw-events';

/** A function an event reaches. */
export type EventTarget = 'processor' | 'notifier';

/** CloudTrail event names of the Organizations events a notification can listen to. */
const NOTIFIABLE_EVENT_NAMES: Readonly<Record<string, readonly string[]>> = {
  AccountCreated: ['CreateAccountResult'],
  CreateAccountFailed: ['CreateAccountResult'],
  AccountJoined: ['AcceptHandshake'],
};

/**
 * The functions an event reaches: Control Tower events the notifier; Organizations events the
 * processor, and the notifier too when a notification listens to their domain type.
 *
 * @example
 * ```ts
 * routeEvent(createAccountResult, config); // ['processor', 'notifier'] when AccountCreated is notified
 * ```
 */
export function routeEvent(raw: RawEvent, config: GovernanceConfig): EventTarget[] {
  if (raw['source'] === 'aws.controltower') return ['notifier'];
  const detail = raw['detail'];
  const eventName =
    typeof detail === 'object' && detail !== null && 'eventName' in detail
      ? String((detail as { readonly eventName: unknown }).eventName)
      : '';
  const notified = config.notifications.some((notification) =>
    notification.on.some((on) => (NOTIFIABLE_EVENT_NAMES[on] ?? []).includes(eventName)),
  );
  return notified ? ['processor', 'notifier'] : ['processor'];
}

/** How an asynchronous invocation ended. */
export interface AsyncOutcome {
  readonly ok: boolean;
  readonly attempts: number;
  /** The error of each failed attempt, in order. */
  readonly errors: readonly unknown[];
}

/** Lambda's asynchronous retry delays (product milliseconds). */
export const ASYNC_RETRY_DELAYS_MS: readonly number[] = [60_000, 120_000];

/**
 * Invokes `handler` with `event` like an asynchronous Lambda invocation.
 *
 * @example
 * ```ts
 * const outcome = await invokeAsync((e, c) => processor(e, c), event, () => context(), clock);
 * ```
 */
export async function invokeAsync(
  handler: (event: unknown, context: Context) => Promise<unknown>,
  event: RawEvent,
  context: () => Context,
  clock: Clock,
): Promise<AsyncOutcome> {
  const errors: unknown[] = [];
  for (let attempt = 1; attempt <= ASYNC_RETRY_DELAYS_MS.length + 1; attempt += 1) {
    try {
      await handler(event, context());
      return { ok: true, attempts: attempt, errors };
    } catch (caught) {
      errors.push(caught);
      const delay = ASYNC_RETRY_DELAYS_MS[attempt - 1];
      if (delay !== undefined) await clock.sleep(delay);
    }
  }
  return { ok: false, attempts: ASYNC_RETRY_DELAYS_MS.length + 1, errors };
}

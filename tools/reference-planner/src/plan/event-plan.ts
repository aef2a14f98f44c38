/**
 * The plan for one event: apply it to the snapshot, then the operations of the event's account
 * only, plus the notifications listening to the event.
 */
import type { RefConfig } from '../model/config';
import type { RefEvent } from '../model/event';
import type { RefChange, RefNotify, RefSkip } from '../model/plan';
import type { RefSnapshot } from '../model/snapshot';
import { applyReferenceEvent } from '../events/apply-event';
import { referenceNotifications } from '../notify/notifications';
import { referenceAccountPlan } from './account-plan';

/** An event's plan. */
export interface RefEventPlan {
  readonly operations: readonly (RefChange | RefNotify)[];
  readonly skipped: readonly RefSkip[];
}

/** Events that say nothing about one account's state: they may still notify. */
function notifiesWithoutAccount(event: RefEvent): boolean {
  return event.type === 'CreateAccountFailed';
}

/**
 * The operations and skips one event asks for, against the snapshot before (or after) it.
 *
 * @example
 * ```ts
 * referencePlanForEvent(snapshot, config, { type: 'AccountMoved', accountId, destinationParentId, meta });
 * ```
 */
export function referencePlanForEvent(
  snapshot: RefSnapshot,
  config: RefConfig,
  event: RefEvent,
): RefEventPlan {
  if (notifiesWithoutAccount(event)) {
    return { operations: referenceNotifications(config, snapshot, event, undefined), skipped: [] };
  }
  const applied = applyReferenceEvent(snapshot, event);
  const account = applied.snapshot.accounts.find((a) => a.id === applied.accountId);
  if (account === undefined) return { operations: [], skipped: [] };
  const plan = referenceAccountPlan(applied.snapshot, config, account);
  const notify =
    account.status === 'ACTIVE'
      ? referenceNotifications(config, applied.snapshot, event, account)
      : [];
  return { operations: [...plan.operations, ...notify], skipped: plan.skipped };
}

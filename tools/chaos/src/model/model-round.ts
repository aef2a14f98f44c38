/**
 * What the reference model expects of one round: the changes of the organization (each exactly
 * once), the terminal failures, and the notifications.
 */
import type { NotifyOperation, Operation } from '@org/scope-engine';

/** A notification the model expects, keyed so duplicates can be recognised. */
export interface ExpectedNotification {
  /**
   * `supportCase#<account>#<notification>` (once per account) or
   * `<webhook|sns>#<notification>#<event id>#<account>` (once per event).
   */
  readonly key: string;
  readonly eventId: string;
  readonly operation: NotifyOperation;
}

/** The model's expectations for one round. */
export interface ModelRound {
  readonly round: number;
  /** Changes the model applied, by operation key. */
  readonly changes: ReadonlyMap<string, Operation>;
  /** Creations that ended FAILED (scripted; terminal, alerted, not retried). */
  readonly failed: ReadonlyMap<string, Operation>;
  /** Notifications first sent in this round. */
  readonly notifications: readonly ExpectedNotification[];
}

/** Two model passes over the same round as one (a rules change, then a reconcile). */
export function mergeModelRounds(first: ModelRound, second: ModelRound): ModelRound {
  return {
    round: first.round,
    changes: new Map([...first.changes, ...second.changes]),
    failed: new Map([...first.failed, ...second.failed]),
    notifications: [...first.notifications, ...second.notifications],
  };
}

/** The key of a notification (see {@link ExpectedNotification.key}). */
export function notificationKey(eventId: string, operation: NotifyOperation): string {
  return operation.targetType === 'supportCase'
    ? `supportCase#${operation.accountId}#${operation.notificationId}`
    : `${operation.targetType}#${operation.notificationId}#${eventId}#${operation.accountId}`;
}

/**
 * Errors raised by the pipeline use-cases. They extend the package's {@link ScopeEngineError}
 * and say whether retrying the same work later can succeed (`retryable`), which is what the
 * Lambda handlers need to decide between "fail the record back to the queue" and "give up".
 */
import { ScopeEngineError } from '@org/scope-engine';
import type { PortFailure } from './ports/port-failure';

/** Base class of every pipeline error. */
export abstract class PipelineError extends ScopeEngineError {
  /** `true` when the same work may succeed later (throttling, quota busy, 5xx). */
  abstract readonly retryable: boolean;
}

/**
 * `true` when `error` is a port failure or pipeline error that says retrying can succeed.
 *
 * @example
 * ```ts
 * try { await organizations.attachPolicy(policyId, accountId); }
 * catch (error) { if (isRetryable(error)) throw new OperationRetryableError('attachPolicy', error); throw error; }
 * ```
 */
export function isRetryable(error: unknown): boolean {
  return error instanceof Error && (error as Partial<PortFailure>).retryable === true;
}

/** A message that names the error's code when it has one. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Partial<PortFailure>).code;
    return typeof code === 'string' && code !== '' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

/**
 * An operation could not be applied now but may succeed later (throttling, concurrent
 * modification, a busy Identity Center quota). The worker fails the queue record so SQS
 * redelivers it; nothing is lost.
 */
export class OperationRetryableError extends PipelineError {
  readonly code = 'OPERATION_RETRYABLE';
  readonly retryable = true;

  constructor(
    /** The operation type, e.g. `createAssignment`. */
    readonly operationType: string,
    cause: unknown,
  ) {
    super(`${operationType} must be retried: ${describeError(cause)}`, { cause });
  }
}

/**
 * The Identity Center quota stayed exhausted for longer than the worker may wait (every
 * outstanding-creation slot held). Retryable.
 */
export class QuotaUnavailableError extends PipelineError {
  readonly code = 'QUOTA_UNAVAILABLE';
  readonly retryable = true;

  constructor(
    /** What was waited for, e.g. `an outstanding-creation slot`. */
    readonly resource: string,
    /** How long the caller waited, in milliseconds. */
    readonly waitedMs: number,
  ) {
    super(`Identity Center quota: no ${resource} became free within ${waitedMs} ms`);
  }
}

/** No governance configuration is stored yet: planning would delete every managed item. */
export class RulesNotConfiguredError extends PipelineError {
  readonly code = 'RULES_NOT_CONFIGURED';
  readonly retryable = false;

  constructor() {
    super(
      'No governance configuration is stored in the rules table; write one with `orgctl rules apply` (or deploy) before processing events',
    );
  }
}

/** An operation type the called use-case does not execute (e.g. `notify` on the worker). */
export class UnsupportedOperationError extends PipelineError {
  readonly code = 'OPERATION_UNSUPPORTED';
  readonly retryable = false;

  constructor(
    /** The operation type. */
    readonly operationType: string,
    /** Who refused it. */
    readonly executor: string,
  ) {
    super(`${executor} does not execute ${operationType} operations`);
  }
}

/**
 * An event names an account that Organizations does not (yet) return — eventual consistency
 * right after creation, joining or vending. Retryable: the invocation fails and is retried.
 */
export class AccountNotVisibleError extends PipelineError {
  readonly code = 'ACCOUNT_NOT_VISIBLE';
  readonly retryable = true;

  constructor(
    /** The account the event is about. */
    readonly accountId: string,
    /** The domain event type. */
    readonly eventType: string,
  ) {
    super(`${eventType}: account ${accountId} is not visible in Organizations yet; retrying later`);
  }
}

/** Some notifications of an event could not be sent; the others were (and will not repeat). */
export class NotificationsFailedError extends PipelineError {
  readonly code = 'NOTIFICATIONS_FAILED';
  readonly retryable: boolean;

  constructor(
    /** The event the notifications belong to. */
    readonly eventId: string,
    /** Each failed notification id with its error. */
    readonly failures: readonly { readonly notificationId: string; readonly error: unknown }[],
  ) {
    super(
      `${failures.length} notification(s) of event ${eventId} failed: ${failures
        .map((f) => `${f.notificationId}: ${describeError(f.error)}`)
        .join('; ')}`,
      { cause: failures[0]?.error },
    );
    this.retryable = failures.every((f) => isRetryable(f.error));
  }
}

/**
 * Another attempt is delivering the same notification (or report) and its lease still runs: this
 * attempt is retried later, and takes the delivery over if that attempt died before finishing.
 */
export class DeliveryInProgressError extends PipelineError {
  readonly code = 'DELIVERY_IN_PROGRESS';
  readonly retryable = true;

  constructor(
    /** The marker key of the delivery. */
    readonly key: string,
    /** When the other attempt's lease runs out (epoch milliseconds). */
    readonly leaseExpiresAt: number,
  ) {
    super(
      `${key} is being delivered by another attempt until ${new Date(leaseExpiresAt).toISOString()}`,
    );
  }
}

/** A notify operation names a notification the configuration does not have (any more). */
export class UnknownNotificationError extends PipelineError {
  readonly code = 'NOTIFICATION_UNKNOWN';
  readonly retryable = false;

  constructor(
    /** The notification id. */
    readonly notificationId: string,
  ) {
    super(`No notification "${notificationId}" in the governance configuration`);
  }
}

/**
 * Typed errors of `@org/aws-adapters`. Every AWS SDK error is translated at the adapter edge into
 * one of these: a stable `code`, a `retryable` flag, the context of the call and the original
 * error as `cause`. They satisfy the engine's `PortFailure` shape.
 */

/** What an adapter was doing when it failed (only the fields that apply are set). */
export interface AdapterErrorContext {
  /** The AWS API (or adapter step) that failed, e.g. `AttachPolicy`. */
  readonly operation?: string;
  readonly accountId?: string;
  readonly policyId?: string;
  readonly targetId?: string;
  readonly permissionSetArn?: string;
  readonly principalId?: string;
  readonly requestId?: string;
  readonly tableName?: string;
  readonly queueUrl?: string;
  readonly url?: string;
  readonly topicArn?: string;
}

/** Options shared by every adapter error. */
export interface AdapterErrorOptions {
  readonly cause?: unknown;
  readonly context?: AdapterErrorContext;
}

/**
 * Base class of every error thrown by an adapter.
 *
 * @example
 * ```ts
 * try { await organizations.attachPolicy(policyId, accountId); }
 * catch (error) {
 *   if (error instanceof AdapterError && error.retryable) return failBackToQueue();
 *   throw error;
 * }
 * ```
 */
export abstract class AdapterError extends Error {
  /** Stable, machine-readable error code. */
  abstract readonly code: string;
  /** `true` when the same call may succeed later. */
  abstract readonly retryable: boolean;
  /** What the adapter was doing. */
  readonly context: AdapterErrorContext;

  constructor(message: string, options: AdapterErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.context = options.context ?? {};
  }
}

/**
 * The base of an adapter error whose code and retryable flag never vary: the error types below differ
 * in nothing else, so each is one line naming its code (a class of its own, for `instanceof` and `name`).
 *
 * @param code - The stable error code.
 * @param retryable - Whether the same call may succeed later.
 * @returns An abstract subclass of {@link AdapterError} with `code` and `retryable` set.
 */
function fixedAdapterError<const Code extends string, const Retryable extends boolean>(
  code: Code,
  retryable: Retryable,
) {
  abstract class FixedAdapterError extends AdapterError {
    readonly code: Code = code;
    readonly retryable: Retryable = retryable;
  }
  return FixedAdapterError;
}

/**
 * AWS throttled the call (`TooManyRequestsException`, `ConcurrentModificationException`, 429…)
 * and our retries ran out. The operations worker fails the record back to the queue.
 */
export class ThrottledError extends fixedAdapterError('Throttled', true) {}

/** A transient service or network failure (5xx, timeout, reset) that outlived our retries. */
export class TransientError extends fixedAdapterError('Transient', true) {}

/** The caller's credentials do not allow the call. */
export class AccessDeniedError extends fixedAdapterError('AccessDenied', false) {}

/** A resource the call needs does not exist (policy, target, permission set, instance…). */
export class ResourceNotFoundError extends fixedAdapterError('NotFound', false) {}

/** AWS rejected the request (validation, constraint violation such as the SCP limit). */
export class InvalidRequestError extends fixedAdapterError('InvalidRequest', false) {}

/** An optimistic-concurrency check failed (someone else changed the item first). */
export class VersionConflictError extends fixedAdapterError('VersionConflict', true) {}

/** AWS answered without a field the adapter needs. */
export class UnexpectedResponseError extends fixedAdapterError('UnexpectedResponse', false) {}

/** Any other AWS error. */
export class AwsServiceError extends fixedAdapterError('AwsServiceError', false) {}

/** One SQS batch entry that could not be sent. */
export interface FailedQueueEntry {
  readonly messageGroupId: string;
  readonly deduplicationId: string;
  readonly errorCode: string;
  readonly message: string;
}

/** Some operations could not be sent to the queue, even after retrying the failed entries. */
export class QueueSendError extends AdapterError {
  readonly code = 'QueueSendFailed';
  readonly retryable: boolean;
  /** The entries that were not sent. */
  readonly failedEntries: readonly FailedQueueEntry[];

  constructor(
    message: string,
    failedEntries: readonly FailedQueueEntry[],
    retryable: boolean,
    options: AdapterErrorOptions = {},
  ) {
    super(message, options);
    this.failedEntries = failedEntries;
    this.retryable = retryable;
  }
}

/** A webhook answered with a non-2xx status (or not at all) after the allowed retries. */
export class WebhookDeliveryError extends AdapterError {
  readonly code = 'WebhookDeliveryFailed';
  readonly retryable: boolean;
  /** The last HTTP status, or `null` when no response arrived (timeout, network). */
  readonly statusCode: number | null;

  constructor(
    message: string,
    statusCode: number | null,
    retryable: boolean,
    options: AdapterErrorOptions = {},
  ) {
    super(message, options);
    this.statusCode = statusCode;
    this.retryable = retryable;
  }
}

/**
 * Another invocation holds the once-only marker of this side effect and its lease has not
 * expired: it may still be doing it. Retry later; after the lease a retry takes over.
 */
export class MarkerInProgressError extends AdapterError {
  readonly code = 'MarkerInProgress';
  readonly retryable = true;
  /** When the holder's lease expires (epoch milliseconds). */
  readonly leaseExpiresAt: number;

  constructor(message: string, leaseExpiresAt: number, options: AdapterErrorOptions = {}) {
    super(message, options);
    this.leaseExpiresAt = leaseExpiresAt;
  }
}

/** A queue message body is not a valid operation message (it names what is wrong). */
export class MalformedMessageError extends fixedAdapterError('MalformedMessage', false) {}

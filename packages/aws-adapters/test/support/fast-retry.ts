/**
 * Retry policies for unit tests: no sleeping, recorded delays.
 */
import type { RetryPolicy } from '../../src/retry';

/** Three attempts, no waiting. */
export const FAST_RETRY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 0,
  maxDelayMs: 0,
  sleep: () => Promise.resolve(),
};

/** Shape of the options every generated SDK exception constructor takes. */
interface ExceptionOptions {
  message: string;
  $metadata: { httpStatusCode?: number };
}

/**
 * Builds a modelled SDK exception (e.g. `TooManyRequestsException`) as the SDK would throw it.
 */
export function sdkError<E>(
  Exception: new (options: ExceptionOptions) => E,
  httpStatusCode = 400,
): E {
  return new Exception({ message: 'simulated', $metadata: { httpStatusCode } });
}

/** An unmodelled error with only a name and an HTTP status (e.g. a raw 503). */
export function httpError(name: string, httpStatusCode: number): Error {
  return Object.assign(new Error('simulated'), { name, $metadata: { httpStatusCode } });
}

/** A copy without `undefined` fields (SDK paginators add `ExclusiveStartKey: undefined`, …). */
export function definedFields<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

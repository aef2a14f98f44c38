/**
 * Jittered exponential backoff for the retries the adapters do themselves (on top of the SDK's
 * adaptive retry mode, which does not retry e.g. `ConcurrentModificationException`).
 */
import { classifyError } from './retryable-errors';

/** How many times, and how patiently, to retry. */
export interface RetryPolicy {
  /** Total attempts including the first. */
  readonly maxAttempts: number;
  /** Delay cap of the first retry, in milliseconds (doubles on each retry). */
  readonly baseDelayMs: number;
  /** Upper bound of any single delay, in milliseconds. */
  readonly maxDelayMs: number;
  /** Waits; injectable so tests do not sleep. @default setTimeout-based */
  readonly sleep?: (delayMs: number) => Promise<void>;
  /** Returns a number in [0, 1). @default Math.random */
  readonly random?: () => number;
}

/** The default policy: 5 attempts, 100 ms doubling to at most 5 s, full jitter. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 100,
  maxDelayMs: 5_000,
};

/**
 * "Full jitter" delay before retry number `retry` (1-based): uniform in
 * `[0, min(maxDelayMs, baseDelayMs * 2^(retry-1)))`.
 *
 * @example
 * ```ts
 * backoffDelayMs(3, DEFAULT_RETRY_POLICY, () => 0.5); // 200
 * ```
 */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * cap);
}

/** Waits `delayMs` milliseconds (the default `RetryPolicy.sleep`). */
export const sleepMs = (delayMs: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, delayMs));

/**
 * Waits the jittered delay before retry number `retry` (1-based) of a policy.
 *
 * @example
 * ```ts
 * await backoff(attempt, policy);
 * ```
 */
export function backoff(retry: number, policy: RetryPolicy): Promise<void> {
  return (policy.sleep ?? sleepMs)(backoffDelayMs(retry, policy, policy.random));
}

/**
 * Runs `call`, retrying throttling and transient errors (see `classifyError`) with jittered
 * exponential backoff. Rethrows the last error unchanged when attempts run out, and any permanent
 * error at once.
 *
 * @example
 * ```ts
 * const roots = await withRetries(() => client.send(new ListRootsCommand({})));
 * ```
 */
export async function withRetries<T>(
  call: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= policy.maxAttempts || classifyError(error) === 'permanent') throw error;
      await backoff(attempt, policy);
    }
  }
}

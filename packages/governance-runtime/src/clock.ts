/**
 * Time, as the pipeline sees it. The pipeline never reads the system clock itself: handlers and
 * the CLI pass a real clock, tests and benchmarks a virtual one.
 */

/**
 * A source of time and delays.
 *
 * @example
 * ```ts
 * const systemClock: Clock = {
 *   now: () => Date.now(),
 *   sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
 * };
 * ```
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;

  /** Resolves after `ms` milliseconds (immediately for `ms <= 0`). */
  sleep(ms: number): Promise<void>;
}

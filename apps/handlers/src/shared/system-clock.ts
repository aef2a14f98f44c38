import type { Clock } from '@org/governance-runtime';

/**
 * The real {@link Clock}: `Date.now` and `setTimeout`.
 *
 * @example
 * ```ts
 * const rules = new CachedRulesSource(repository, systemClock, 60_000);
 * ```
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

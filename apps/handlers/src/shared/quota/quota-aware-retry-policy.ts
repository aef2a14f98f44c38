import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '@org/aws-adapters';
import type { Clock, IdentityCenterQuota } from '@org/governance-runtime';

/**
 * The Identity Center adapter's retry policy with every retry counted against the quota: after
 * the backoff, a retry waits for a request token like any other call. Without it, retries of
 * throttled calls would come on top of the rate the limiter allows and keep the instance
 * throttling. Pair it with an SSO Admin client whose own SDK retries are off (`maxAttempts: 1`).
 *
 * @example
 * ```ts
 * const identityCenter = new IdentityCenterAdapter(ssoAdmin, {
 *   retryPolicy: quotaAwareRetryPolicy(quota, systemClock),
 * });
 * ```
 */
export function quotaAwareRetryPolicy(
  quota: Pick<IdentityCenterQuota, 'beforeRequest'>,
  clock: Clock,
  base: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): RetryPolicy {
  return {
    ...base,
    random,
    sleep: async (delayMs) => {
      await clock.sleep(delayMs);
      await quota.beforeRequest();
    },
  };
}

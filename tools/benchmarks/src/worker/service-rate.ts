import type { Clock } from '@org/governance-runtime';

/**
 * AWS's side of a published rate: a token bucket (burst one second) that counts every call and
 * the calls over the rate (which AWS would have throttled). It never delays a call: keeping
 * within the rate is the caller's budget's job, this only checks that it did.
 *
 * @example
 * ```ts
 * const organizations = new ServiceRate(clock, 5);
 * organizations.admit(); // one call
 * if (organizations.violations > 0) console.warn('over the published rate');
 * ```
 */
export class ServiceRate {
  private tokens: number;
  private refilledAt: number;
  /** Calls AWS would have throttled. */
  violations = 0;
  /** Every call admitted. */
  calls = 0;

  constructor(
    private readonly clock: Clock,
    private readonly perSecond: number,
  ) {
    this.tokens = perSecond;
    this.refilledAt = clock.now();
  }

  /** Counts one call (and a violation when the bucket is empty). */
  admit(): void {
    const now = this.clock.now();
    this.tokens = Math.min(
      this.perSecond,
      this.tokens + ((now - this.refilledAt) * this.perSecond) / 1000,
    );
    this.refilledAt = now;
    this.calls += 1;
    if (this.tokens < 1) this.violations += 1;
    else this.tokens -= 1;
  }
}

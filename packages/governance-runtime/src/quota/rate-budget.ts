import type { Clock } from '../clock';
import { QuotaUnavailableError } from '../errors';
import type { QuotaStore } from './quota-store';

/** How fast one budget admits requests and how long a caller waits for one. */
export interface RateBudgetSettings {
  /** Requests per second for every caller of the budget together. */
  readonly requestsPerSecond: number;
  /** Longest wait for a request token before {@link QuotaUnavailableError}. @default 30000 */
  readonly maxWaitMs?: number;
}

/**
 * Tokens per window: about a quarter of the per-second rate, and for a whole rate a divisor of
 * it, so that windows tile every second exactly (5/s: 1 token per 200 ms; windows of 2 tokens per
 * 400 ms would put 6 requests into the second from 0 to 1,000 ms).
 */
function tokensPerWindow(requestsPerSecond: number): number {
  const quarter = Math.max(1, Math.ceil(requestsPerSecond / 4));
  if (!Number.isInteger(requestsPerSecond)) return quarter;
  let tokens = quarter;
  while (requestsPerSecond % tokens !== 0) tokens -= 1;
  return tokens;
}

/**
 * A request rate shared by every caller of one service (every worker, reconciler shard,
 * processor and CLI run that uses the same {@link QuotaStore}): tokens per short window (about a
 * quarter of a second) so bursts stay small and no second ever sees
 * more than the rate. Each budget counts in its own bucket of the store.
 *
 * @example
 * ```ts
 * const reads = new RateBudget(store, clock, 'organizations-reads', { requestsPerSecond: 5 });
 * await reads.beforeRequest();
 * await organizations.send(new ListAccountsCommand({}));
 * ```
 */
export class RateBudget {
  /** Tokens per rate window. */
  readonly tokensPerWindow: number;
  /** Rate window length in milliseconds. */
  readonly windowMs: number;
  private readonly maxWaitMs: number;

  /**
   * @param bucket the store's bucket of this budget (`undefined`: the store's default bucket).
   * @throws {RangeError} when `requestsPerSecond` is not positive.
   */
  constructor(
    private readonly store: QuotaStore,
    private readonly clock: Clock,
    private readonly bucket: string | undefined,
    settings: RateBudgetSettings,
  ) {
    const { requestsPerSecond } = settings;
    if (!(requestsPerSecond > 0)) {
      throw new RangeError(`a rate budget needs requestsPerSecond > 0, got ${requestsPerSecond}`);
    }
    this.maxWaitMs = settings.maxWaitMs ?? 30_000;
    this.tokensPerWindow = tokensPerWindow(requestsPerSecond);
    this.windowMs = (1000 * this.tokensPerWindow) / requestsPerSecond;
  }

  /**
   * Waits until one request may be sent.
   *
   * @throws {QuotaUnavailableError} (retryable) when no token came within `maxWaitMs`.
   */
  async beforeRequest(): Promise<void> {
    const started = this.clock.now();
    for (;;) {
      const now = this.clock.now();
      const windowId = Math.floor(now / this.windowMs);
      if (await this.store.tryTakeToken(windowId, this.tokensPerWindow, this.bucket)) {
        return;
      }
      if (now - started >= this.maxWaitMs) {
        throw new QuotaUnavailableError('request token', now - started);
      }
      await this.clock.sleep(Math.max(1, (windowId + 1) * this.windowMs - now));
    }
  }
}

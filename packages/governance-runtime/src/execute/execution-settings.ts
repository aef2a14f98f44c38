/**
 * How the worker polls asynchronous Identity Center requests.
 */

/** Status polling of assignment requests. All durations in milliseconds. */
export interface AssignmentPollingSettings {
  /**
   * Wait before the first status poll. Creations that settle within it cost exactly two
   * requests (create + one poll). With 20 requests/s (10 creations/s at two requests each) and
   * 10 outstanding creations, a creation may hold its slot 1 s before the slots, not the rate,
   * limit throughput; the default polls at 80 % of that, leaving room for call latency and
   * waits. Raise it for an instance whose creations usually take longer. @default 800
   */
  readonly firstPollDelayMs: number;
  /** Wait between later polls (grows by `pollBackoff` up to `maxPollIntervalMs`). @default 1000 */
  readonly pollIntervalMs: number;
  /** Growth factor of the poll interval. @default 1.5 */
  readonly pollBackoff: number;
  /** Longest wait between polls. @default 5000 */
  readonly maxPollIntervalMs: number;
  /**
   * Longest time one invocation spends polling one request before re-queuing a status check;
   * keep it well inside the Lambda timeout. @default 20000
   */
  readonly pollBudgetMs: number;
}

/** Defaults for a worker with a timeout of a few minutes. */
export const DEFAULT_ASSIGNMENT_POLLING: AssignmentPollingSettings = {
  firstPollDelayMs: 800,
  pollIntervalMs: 1000,
  pollBackoff: 1.5,
  maxPollIntervalMs: 5000,
  pollBudgetMs: 20_000,
};

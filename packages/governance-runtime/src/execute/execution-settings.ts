/**
 * How the worker polls asynchronous Identity Center requests.
 */
import { DEFAULT_STATUS_WAIT_SECONDS } from '@org/contracts';

/** Status polling of assignment requests. All durations in milliseconds. */
export interface AssignmentPollingSettings {
  /**
   * Wait before the first status poll. AWS rarely completes a creation in under a second, so a
   * poll before that costs a request and learns nothing. @default 1000
   */
  readonly firstPollDelayMs: number;
  /**
   * Wait between later polls while the request is young (see `steadyPollingMs`). A creation holds
   * one of the instance's outstanding-creation slots until a poll sees it settle, so half this
   * interval is, on average, slot time wasted; each poll is also one of the instance's 20
   * requests/s. 600 ms keeps 10 slots within about 10 % of their bound at 1–5 s completions while
   * the polls of 10 outstanding creations take at most 16.7 of the 20 requests/s. @default 600
   */
  readonly pollIntervalMs: number;
  /**
   * How long (counted from the create request) polls keep the steady `pollIntervalMs`; after that
   * the interval grows by `pollBackoff` up to `maxPollIntervalMs`, so a creation that takes
   * minutes is not polled as often as one that takes seconds. @default 5000
   */
  readonly steadyPollingMs: number;
  /** Growth factor of the poll interval after the steady phase. @default 1.5 */
  readonly pollBackoff: number;
  /** Longest wait between polls. @default 5000 */
  readonly maxPollIntervalMs: number;
  /**
   * Longest time one invocation spends polling one request before re-queuing a status check (so
   * a status check never blocks a worker longer than this); keep it well inside the Lambda
   * timeout. @default 20000 (`DEFAULT_STATUS_WAIT_SECONDS` of `@org/contracts`, the construct's
   * default `assignmentStatusWait` too)
   */
  readonly pollBudgetMs: number;
}

/** Defaults for a worker with a timeout of a few minutes. */
export const DEFAULT_ASSIGNMENT_POLLING: AssignmentPollingSettings = {
  firstPollDelayMs: 1000,
  pollIntervalMs: 600,
  steadyPollingMs: 5000,
  pollBackoff: 1.5,
  maxPollIntervalMs: 5000,
  pollBudgetMs: 1000 * DEFAULT_STATUS_WAIT_SECONDS,
};

/**
 * The wait before status poll number `poll` (1 for the first) of one request, counted from the
 * previous poll (from the request for the first): `firstPollDelayMs`, then `pollIntervalMs` until
 * the request has run `steadyPollingMs`, then growing by `pollBackoff` up to
 * `maxPollIntervalMs`. A function of the poll number alone, so a re-queued status check (which
 * carries its poll count) continues the same schedule.
 *
 * @example
 * ```ts
 * pollDelayMs(1, DEFAULT_ASSIGNMENT_POLLING); // 1000
 * pollDelayMs(2, DEFAULT_ASSIGNMENT_POLLING); // 600
 * pollDelayMs(9, DEFAULT_ASSIGNMENT_POLLING); // 900 (the request has run 5.2 s)
 * ```
 */
export function pollDelayMs(poll: number, polling: AssignmentPollingSettings): number {
  if (poll <= 1) return polling.firstPollDelayMs;
  const steadyPolls = Math.max(
    0,
    Math.ceil((polling.steadyPollingMs - polling.firstPollDelayMs) / polling.pollIntervalMs),
  );
  const grown = poll - 1 - steadyPolls;
  if (grown <= 0) return polling.pollIntervalMs;
  return Math.min(polling.pollIntervalMs * polling.pollBackoff ** grown, polling.maxPollIntervalMs);
}

import type { AssignmentRequestState } from '../ports/identity-center-port';
import { IdentityCenterQuota } from '../quota/identity-center-quota';
import { InMemoryQuotaStore } from '../testing/in-memory-quota-store';
import { VirtualClock } from '../testing/virtual-clock';
import {
  type AssignmentPollingSettings,
  DEFAULT_ASSIGNMENT_POLLING,
  pollDelayMs,
} from './execution-settings';
import { pollRequest } from './poll-request';

const THROTTLED = Object.assign(new Error('Rate exceeded'), { code: 'Throttled', retryable: true });

/** A status port answering IN_PROGRESS until `settlesAt` (virtual ms), recording each poll's time. */
function statusPort(clock: VirtualClock, settlesAt: number, throwAtPoll?: number) {
  const polledAt: number[] = [];
  let tokens = 0;
  const fetchStatus = async (requestId: string): Promise<AssignmentRequestState> => {
    polledAt.push(clock.now());
    if (polledAt.length === throwAtPoll) throw THROTTLED;
    return { requestId, status: clock.now() >= settlesAt ? 'SUCCEEDED' : 'IN_PROGRESS' };
  };
  const quota = new IdentityCenterQuota(new InMemoryQuotaStore(), clock);
  const beforeRequest = quota.beforeRequest.bind(quota);
  jest.spyOn(quota, 'beforeRequest').mockImplementation(() => {
    tokens += 1;
    return beforeRequest();
  });
  return { polledAt, fetchStatus, quota, tokens: () => tokens };
}

/** Runs {@link pollRequest} on a virtual clock from time 0. */
async function poll(
  settlesAt: number,
  options: {
    polling?: Partial<AssignmentPollingSettings>;
    pollsSoFar?: number;
    deadlineMs?: number;
    throwAtPoll?: number;
  } = {},
) {
  const clock = new VirtualClock(0);
  const port = statusPort(clock, settlesAt, options.throwAtPoll);
  const polling = { ...DEFAULT_ASSIGNMENT_POLLING, ...options.polling };
  const outcome = await clock.run(() =>
    pollRequest(
      'r-1',
      options.pollsSoFar ?? 0,
      port.fetchStatus,
      { clock, quota: port.quota, polling },
      options.deadlineMs === undefined ? {} : { deadlineMs: options.deadlineMs },
    ),
  );
  return { outcome, polledAt: port.polledAt, tokens: port.tokens(), endedAt: clock.now() };
}

describe('pollDelayMs', () => {
  it('waits 1 s, then polls every 600 ms until the request has run 5 s, then backs off to 5 s', () => {
    const delays = Array.from({ length: 16 }, (_, i) =>
      pollDelayMs(i + 1, DEFAULT_ASSIGNMENT_POLLING),
    );
    expect(delays).toStrictEqual([
      1000, 600, 600, 600, 600, 600, 600, 600, 900, 1350, 2025, 3037.5, 4556.25, 5000, 5000, 5000,
    ]);
  });

  it('keeps a constant interval with a backoff of 1 and polls at once with no first delay', () => {
    const polling = { ...DEFAULT_ASSIGNMENT_POLLING, firstPollDelayMs: 0, pollBackoff: 1 };
    expect([1, 2, 20, 200].map((poll) => pollDelayMs(poll, polling))).toStrictEqual([
      0, 600, 600, 600,
    ]);
  });
});

describe('pollRequest', () => {
  it('polls on the schedule until the request settles, one quota token per poll', async () => {
    const { outcome, polledAt, tokens } = await poll(3100);
    expect(outcome).toStrictEqual({ state: { requestId: 'r-1', status: 'SUCCEEDED' }, polls: 5 });
    expect(polledAt).toStrictEqual([1000, 1600, 2200, 2800, 3400]);
    expect(tokens).toBe(5);
  });

  it('sees a creation that settles within the first second at its first poll (two requests in all)', async () => {
    const { outcome, polledAt } = await poll(900);
    expect(outcome.polls).toBe(1);
    expect(polledAt).toStrictEqual([1000]);
  });

  it('never blocks beyond the polling budget: a request still running comes back IN_PROGRESS', async () => {
    const { outcome, polledAt, endedAt } = await poll(60_000, { polling: { pollBudgetMs: 3000 } });
    expect(outcome).toStrictEqual({ state: { requestId: 'r-1', status: 'IN_PROGRESS' }, polls: 4 });
    expect(polledAt).toStrictEqual([1000, 1600, 2200, 2800]);
    expect(endedAt).toBe(2800);
  });

  it('stops at the invocation deadline when it comes before the budget', async () => {
    const { outcome, endedAt } = await poll(60_000, { deadlineMs: 2000 });
    expect(outcome.polls).toBe(2);
    expect(endedAt).toBe(1600);
  });

  it('continues a re-queued status check on the schedule of its poll count', async () => {
    const { outcome, polledAt } = await poll(60_000, {
      pollsSoFar: 8,
      polling: { pollBudgetMs: 10_000 },
    });
    expect(polledAt).toStrictEqual([900, 2250, 4275, 7312.5]);
    expect(outcome.polls).toBe(12);
  });

  it('ends polling at a throttled poll without counting it (the caller re-queues a check)', async () => {
    const { outcome, polledAt } = await poll(60_000, { throwAtPoll: 3 });
    expect(outcome).toStrictEqual({ state: { requestId: 'r-1', status: 'IN_PROGRESS' }, polls: 2 });
    expect(polledAt).toStrictEqual([1000, 1600, 2200]);
  });
});

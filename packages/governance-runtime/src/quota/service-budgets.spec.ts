import { QuotaUnavailableError } from '../errors';
import { InMemoryQuotaStore } from '../testing/in-memory-quota-store';
import { VirtualClock } from '../testing/virtual-clock';
import { RateBudget } from './rate-budget';
import {
  createServiceBudgets,
  describeServiceRates,
  PUBLISHED_SERVICE_RATES,
} from './service-budgets';

/** Requests admitted per virtual second when `count` callers each ask `each` times at once. */
async function admittedPerSecond(budget: RateBudget, clock: VirtualClock, count: number) {
  const times: number[] = [];
  await clock.run(() =>
    Promise.all(
      Array.from({ length: count }, async () => {
        await budget.beforeRequest();
        times.push(Math.floor(clock.now() / 1000));
      }),
    ),
  );
  const perSecond = new Map<number, number>();
  for (const second of times) perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  return [...perSecond.values()];
}

describe('service budgets', () => {
  it('default to the published rates', () => {
    expect(describeServiceRates(PUBLISHED_SERVICE_RATES)).toBe(
      'organizations reads 5/s, writes 2/s, identity center 20/s, 10 outstanding',
    );
  });

  it.each([
    { budget: 'organizationsReads', perSecond: [5, 5, 5] },
    { budget: 'organizationsWrites', perSecond: [2, 2, 2] },
  ] as const)('$budget admits its rate and no more in any second', async (row) => {
    const clock = new VirtualClock(0);
    const budgets = createServiceBudgets(new InMemoryQuotaStore(), clock);
    const admitted = await admittedPerSecond(budgets[row.budget], clock, row.perSecond[0] * 3);
    expect(admitted).toStrictEqual(row.perSecond);
  });

  it('keeps each service in its own bucket of a shared store', async () => {
    const clock = new VirtualClock(0);
    const store = new InMemoryQuotaStore();
    const budgets = createServiceBudgets(store, clock);
    const finished: Record<string, number> = {};
    const burst = (name: string, budget: RateBudget, count: number) =>
      Promise.all(Array.from({ length: count }, () => budget.beforeRequest())).then(() => {
        finished[name] = clock.now();
      });
    await clock.run(() =>
      Promise.all([
        burst('reads', budgets.organizationsReads, 10),
        burst('writes', budgets.organizationsWrites, 4),
        burst(
          'identityCenter',
          new RateBudget(store, clock, undefined, { requestsPerSecond: 20 }),
          40,
        ),
      ]),
    );
    // Each burst takes its own rate's time: none waits for another service's tokens.
    expect(finished).toStrictEqual({ identityCenter: 1750, reads: 1800, writes: 1500 });
  });

  it('is configurable', () => {
    const budgets = createServiceBudgets(new InMemoryQuotaStore(), new VirtualClock(0), {
      identityCenterRequestsPerSecond: 40,
      identityCenterMaxOutstandingCreates: 15,
      organizationsReadsPerSecond: 10,
    });
    expect({
      rates: describeServiceRates(budgets.rates),
      identityCenterWindow: budgets.identityCenter.tokensPerWindow,
      readsWindow: budgets.organizationsReads.tokensPerWindow,
    }).toStrictEqual({
      rates: 'organizations reads 10/s, writes 2/s, identity center 40/s, 15 outstanding',
      identityCenterWindow: 10,
      readsWindow: 2,
    });
  });

  it('gives up with a retryable error after maxWaitMs', async () => {
    const clock = new VirtualClock(0);
    const budget = new RateBudget(new InMemoryQuotaStore(), clock, 'b', {
      requestsPerSecond: 1,
      maxWaitMs: 1500,
    });
    const error = await clock
      .run(() => Promise.all(Array.from({ length: 4 }, () => budget.beforeRequest())))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QuotaUnavailableError);
  });

  it('rejects a rate that is not positive', () => {
    expect(
      () =>
        new RateBudget(new InMemoryQuotaStore(), new VirtualClock(0), 'b', {
          requestsPerSecond: 0,
        }),
    ).toThrow(RangeError);
  });
});

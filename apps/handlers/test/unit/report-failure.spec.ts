import { type FailureReport } from '@org/governance-runtime';
import { InMemoryIdempotencyStore } from '@org/governance-runtime/testing';
import { deliveryLeaseMs, DELIVERY_LEASE_MARGIN_MS } from '../../src/shared/delivery-lease';
import { reportFailure } from '../../src/shared/report-failure';
import { lambdaContext } from '../support/fixtures';

const REPORT: FailureReport = {
  kind: 'EventRejected',
  eventId: 'evt-1',
  accountId: null,
  reason: 'Event evt-1 (MoveAccount) is malformed',
};
const LEASE = 60_000;

/** A failure topic that fails its first `failures` publications. */
function topic(failures = 0) {
  const reports: FailureReport[] = [];
  let left = failures;
  return {
    reports,
    report: async (report: FailureReport) => {
      if (left > 0) {
        left -= 1;
        throw Object.assign(new Error('SNS unavailable'), { retryable: true });
      }
      reports.push(report);
    },
  };
}

/** Runs `attempts` deliveries of the same report at the given times; what each did and what was published. */
async function attempts(
  times: readonly number[],
  options: { markers: boolean; failures?: number; crashedClaimAt?: number },
) {
  const time = { now: 0 };
  const markers = new InMemoryIdempotencyStore({ now: () => time.now });
  if (options.crashedClaimAt !== undefined) {
    time.now = options.crashedClaimAt;
    await markers.begin('failure#rejected#evt-1', LEASE);
  }
  const failures = topic(options.failures);
  const results: string[] = [];
  for (const at of times) {
    time.now = at;
    const result = await reportFailure(
      failures,
      options.markers ? markers : undefined,
      'rejected#evt-1',
      REPORT,
      LEASE,
    ).then(
      () => 'ok',
      (error: unknown) => `threw ${(error as Error).message}`,
    );
    results.push(result);
  }
  return { results, published: failures.reports.length };
}

describe('reportFailure', () => {
  it.each([
    {
      name: 'without markers every attempt reports',
      run: () => attempts([0, 60_000, 180_000], { markers: false }),
      expected: { results: ['ok', 'ok', 'ok'], published: 3 },
    },
    {
      name: 'with markers the retries of an invocation report once',
      run: () => attempts([0, 60_000, 180_000], { markers: true }),
      expected: { results: ['ok', 'ok', 'ok'], published: 1 },
    },
    {
      name: 'a failed publication is reported again by the retry',
      run: () => attempts([0, 60_000], { markers: true, failures: 1 }),
      expected: { results: ['threw SNS unavailable', 'ok'], published: 1 },
    },
    {
      name: 'a claim left by a crashed attempt is left alone while its lease runs, then taken over',
      run: () => attempts([LEASE - 1, LEASE], { markers: true, crashedClaimAt: 0 }),
      expected: { results: ['ok', 'ok'], published: 1 },
    },
  ])('$name', async ({ run, expected }) => {
    expect(await run()).toStrictEqual(expected);
  });

  it('leases a delivery for the rest of the invocation plus a margin', () => {
    const lease = deliveryLeaseMs(lambdaContext(30_000));
    expect(lease > DELIVERY_LEASE_MARGIN_MS && lease <= 30_000 + DELIVERY_LEASE_MARGIN_MS).toBe(
      true,
    );
  });
});

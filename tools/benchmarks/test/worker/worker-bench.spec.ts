import { DEFAULT_BENCH_OPTIONS } from '../../src/worker/bench-options';
import { runWorkerBench } from '../../src/worker/run-worker-bench';

// Creations complete in 1–5 virtual seconds: the level-triggered worker's runs take a few real seconds.
jest.setTimeout(60_000);

describe('worker against the simulated Identity Center', () => {
  it.each([
    { name: 'default faults', throttleRate: 0.01, failureRate: 0.005 },
    { name: 'heavy faults', throttleRate: 0.2, failureRate: 0.05 },
  ])(
    '$name: every creation settles exactly once and the quotas are never exceeded',
    async ({ throttleRate, failureRate }) => {
      const result = await runWorkerBench({
        ...DEFAULT_BENCH_OPTIONS,
        creates: 300,
        accounts: 30,
        workers: 12,
        throttleRate,
        failureRate,
      });
      expect({
        settled: result.succeeded + result.failedTerminal,
        lost: result.lost,
        duplicated: result.duplicated,
        overRate: result.service.rateViolations,
        overOutstanding: result.service.outstandingViolations,
        peakWithinLimit:
          result.service.peakOutstanding <= DEFAULT_BENCH_OPTIONS.maxOutstandingCreates,
        // The existence check before each creation is an admin API call, counted like the rest.
        checkedBeforeCreating: result.service.listRequests >= 300,
      }).toStrictEqual({
        settled: 300,
        lost: 0,
        duplicated: 0,
        overRate: 0,
        overOutstanding: 0,
        peakWithinLimit: true,
        checkedBeforeCreating: true,
      });
    },
  );
});

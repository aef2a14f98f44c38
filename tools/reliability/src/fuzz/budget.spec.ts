import { FUZZ_RUNS, MIN_TOTAL_RUNS, fuzzSettings } from '../support/fuzz';

describe('fuzz budget', () => {
  it(`runs at least ${MIN_TOTAL_RUNS} cases in total (issue 5)`, () => {
    const total =
      Object.values(FUZZ_RUNS).reduce((sum, runs) => sum + runs, 0) * fuzzSettings().scale;
    process.stdout.write(
      `fuzz: ${total} cases budgeted over ${Object.keys(FUZZ_RUNS).length} properties\n`,
    );
    expect(total).toBeGreaterThanOrEqual(MIN_TOTAL_RUNS);
  });
});

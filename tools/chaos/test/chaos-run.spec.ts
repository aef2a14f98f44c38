/**
 * A small seeded chaos run through the real handlers against moto and DynamoDB Local (started and
 * stopped by the run itself): every check of the verdict must pass.
 */
import { DEFAULT_CHAOS_OPTIONS } from '../src/cli/chaos-options';
import { runChaos } from '../src/run/run-chaos';
import { summaryLine } from '../src/verify/chaos-report';

describe('a seeded chaos run (40 events, fault rate 0.2)', () => {
  it('applies every expected operation exactly once, leaves no drift and touches nothing unmanaged', async () => {
    const report = await runChaos({
      ...DEFAULT_CHAOS_OPTIONS,
      events: 40,
      faultRate: 0.2,
      seed: '40',
    });
    const { expected } = report.numbers;
    expect({ line: summaryLine(report.numbers), problems: report.problems }).toStrictEqual({
      line: `chaos: 40 events, ${expected} operations expected, ${expected} applied, 0 lost, 0 duplicated, drift 0, unmanaged touched 0`,
      problems: [],
    });
    expect(expected).toBeGreaterThan(40);
  });
});

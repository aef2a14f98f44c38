import { readLedger, type Ledger } from '../support/fuzz-ledger.cjs';
import { FUZZ_RUNS, MIN_TOTAL_RUNS, fuzzSettings } from '../support/fuzz';

/** How long the budget spec waits for the fuzz specs still running in other workers. */
const WAIT_MS = 15 * 60_000;

/** The run's ledger once every fuzz spec it schedules has finished (or the wait ran out). */
async function finishedLedger(): Promise<Ledger | undefined> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const ledger = readLedger();
    const pending = ledger?.scheduled.filter((file) => !ledger.done.includes(file)) ?? [];
    if (ledger === undefined || pending.length === 0 || Date.now() > deadline) return ledger;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('fuzz budget', () => {
  it(
    `runs at least ${MIN_TOTAL_RUNS} cases in total (issue 5)`,
    async () => {
      const ledger = await finishedLedger();
      const runs = ledger?.runs ?? [];
      const total = runs.reduce((sum, entry) => sum + entry.runs, 0);
      const ran = new Map<string, number>();
      for (const { property, runs: n } of runs) ran.set(property, (ran.get(property) ?? 0) + n);
      process.stdout.write(`fuzz: ${total} cases run over ${ran.size} properties\n`);
      const { scale } = fuzzSettings();
      expect({
        ledger:
          ledger === undefined ? 'none (run through tools/reliability/jest.config.cjs)' : 'read',
        unfinished: ledger?.scheduled.filter((file) => !ledger.done.includes(file)) ?? [],
        // Every budgeted property ran its whole budget, and the total reaches the minimum.
        ran: Object.fromEntries([...ran].sort(([a], [b]) => a.localeCompare(b))),
        enough: total >= MIN_TOTAL_RUNS,
      }).toStrictEqual({
        ledger: 'read',
        unfinished: [],
        ran: Object.fromEntries(
          Object.entries(FUZZ_RUNS)
            .map(([property, budget]) => [property, budget * scale] as const)
            .sort(([a], [b]) => a.localeCompare(b)),
        ),
        enough: true,
      });
    },
    WAIT_MS + 60_000,
  );
});

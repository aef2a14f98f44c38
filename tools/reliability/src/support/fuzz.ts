import { basename } from 'node:path';
import * as fc from 'fast-check';
import { recordFileDone, recordRuns } from './fuzz-ledger.cjs';

/** The seed every property uses unless `FC_SEED` is set: CI runs are reproducible. */
export const DEFAULT_SEED = 20260501;

/**
 * How many cases each property runs (at `FUZZ_SCALE=1`). `budget.spec.ts` counts the cases the
 * run actually executed (through the fuzz ledger) and checks they reach {@link MIN_TOTAL_RUNS};
 * change a figure here, not in a spec.
 */
export const FUZZ_RUNS = {
  parseRandomJson: 3000,
  parseEventShapedJson: 2000,
  parseMutatedEvents: 3000,
  parseOversizedEvents: 40,
  configDocuments: 600,
  configMutations: 600,
  configYamlText: 400,
  snapshotMutations: 300,
  snapshotYamlText: 200,
  planForEvent: 600,
  planReconcile: 400,
  cliRandomFiles: 250,
  cliRandomArgs: 400,
  tagKeysInvisible: 500,
  webhookUrls: 800,
  planChangeEvents: 1000,
  trustedPrincipals: 500,
} as const;

/** Name of a budgeted property. */
export type FuzzProperty = keyof typeof FUZZ_RUNS;

/** Issue 5: "at least 10,000 cases within CI time". */
export const MIN_TOTAL_RUNS = 10_000;

/** A positive number from the environment, or `undefined`. */
function envNumber(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got ${JSON.stringify(text)}`);
  }
  return value;
}

/**
 * The settings of one run: `FC_SEED` (default {@link DEFAULT_SEED}), `FC_PATH` (the replay path
 * fast-check prints with a failure) and `FUZZ_SCALE` (multiplies every budget, default 1).
 */
export function fuzzSettings(): { seed: number; path: string | undefined; scale: number } {
  const path = process.env['FC_PATH'];
  return {
    seed: envNumber('FC_SEED') ?? DEFAULT_SEED,
    path: path === undefined || path === '' ? undefined : path,
    scale: envNumber('FUZZ_SCALE') ?? 1,
  };
}

/** Runs executed per property in this test file, printed after the file's tests. */
const executed = new Map<string, number>();

/** The fast-check parameters of a budgeted property in this run. */
function parameters(name: FuzzProperty): fc.Parameters<unknown> {
  const { seed, path, scale } = fuzzSettings();
  return { seed, path, numRuns: FUZZ_RUNS[name] * scale };
}

/** The spec file running now. */
const currentTestPath = (): string => expect.getState().testPath ?? '';

/** Records the runs (here and in the run's ledger), and turns a failure into an error with the replay command. */
function finish<Ts>(name: FuzzProperty, details: fc.RunDetails<Ts>): number {
  executed.set(name, (executed.get(name) ?? 0) + details.numRuns);
  recordRuns(currentTestPath(), name, details.numRuns);
  if (details.failed) {
    const file = basename(currentTestPath());
    const replay =
      `FC_SEED=${details.seed} FC_PATH=${details.counterexamplePath ?? ''} ` +
      `npx nx run reliability:test --skip-nx-cache --testPathPatterns=${file}`;
    const cause = details.errorInstance;
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new Error(
      `${fc.defaultReportMessage(details) ?? 'property failed'}\n` +
        `Failure: ${why}\n` +
        `Reproduce: ${replay}`,
      { cause },
    );
  }
  return details.numRuns;
}

/**
 * Checks `property` with the budgeted number of runs and the run's seed, records how many cases
 * ran, and fails with fast-check's report (seed, replay path, shrunk counterexample, the error)
 * and the command that replays it.
 *
 * @returns the number of cases run.
 * @example
 * ```ts
 * it('never throws', () => {
 *   runFuzz('parseRandomJson', fc.property(fc.jsonValue(), (raw) => void parseOrgEvent(raw)));
 * });
 * ```
 */
export function runFuzz<Ts>(name: FuzzProperty, property: fc.IProperty<Ts>): number {
  return finish(name, fc.check(property, parameters(name) as fc.Parameters<Ts>));
}

/**
 * {@link runFuzz} for asynchronous properties (e.g. the CLI's `runCli`).
 *
 * @example
 * ```ts
 * await runFuzzAsync('cliRandomArgs', fc.asyncProperty(args, async (a) => checkCliRun(a, await runOrgctl(a))));
 * ```
 */
export async function runFuzzAsync<Ts>(
  name: FuzzProperty,
  property: fc.IAsyncProperty<Ts>,
): Promise<number> {
  return finish(name, await fc.check(property, parameters(name) as fc.Parameters<Ts>));
}

/**
 * Prints, after the file's tests, the cases each property ran and the seed, e.g.
 * `fuzz: parseRandomJson 2500 cases (seed 20260501)`, and tells the run's ledger the file has
 * finished (the budget spec waits for it). Call once per fuzz spec file (`src/fuzz/`).
 */
export function reportFuzzRuns(): void {
  afterAll(() => {
    recordFileDone(currentTestPath());
    const { seed } = fuzzSettings();
    const lines = [...executed].map(([name, runs]) => `fuzz: ${name} ${runs} cases (seed ${seed})`);
    if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
  });
}

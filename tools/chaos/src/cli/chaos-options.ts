/**
 * The chaos run's command line: `--events N --fault-rate R --seed S` and a few tuning flags.
 */
import { ChaosUsageError } from '../errors';

/** Everything a chaos run is parameterised by. */
export interface ChaosOptions {
  /** Generated events (organization changes and rule changes). @default 500 */
  readonly events: number;
  /** Probability that an AWS call of the product fails (throttling or 5xx). @default 0.2 */
  readonly faultRate: number;
  /** Seed of every random choice (events, faults). @default 'chaos' */
  readonly seed: string;
  /** Product milliseconds per real millisecond (status polls, retry delays, quotas). @default 100 */
  readonly timeScale: number;
  /** Concurrent operations-worker invocations (the construct's reserved concurrency). @default 5 */
  readonly workers: number;
  /** Concurrent event deliveries (processor / notifier invocations). @default 8 */
  readonly deliveries: number;
  /** Print a line per round. @default false */
  readonly verbose: boolean;
}

/** The defaults (`npm run chaos` without flags). */
export const DEFAULT_CHAOS_OPTIONS: ChaosOptions = {
  events: 500,
  faultRate: 0.2,
  seed: 'chaos',
  timeScale: 100,
  workers: 5,
  deliveries: 8,
  verbose: false,
};

/** The usage text printed with `--help` and after a usage error. */
export const CHAOS_USAGE = `usage: npm run chaos -- [--events N] [--fault-rate R] [--seed S] [--time-scale K]
                          [--workers W] [--deliveries D] [--verbose]

  --events N       generated organization and rule-change events (default 500)
  --fault-rate R   share of the product's AWS calls that fail with throttling or 5xx, 0 ≤ R < 1 (default 0.2)
  --seed S         seed of the generated events and faults (default "chaos")
  --time-scale K   product time runs K times faster than real time (default 100)
  --workers W      concurrent operations-worker invocations (default 5)
  --deliveries D   concurrent event deliveries to the processor / notifier (default 8)
  --verbose        print one line per round`;

type NumericFlag = 'events' | 'faultRate' | 'timeScale' | 'workers' | 'deliveries';

const FLAGS: Readonly<Record<string, NumericFlag | 'seed' | 'verbose' | 'help'>> = {
  '--events': 'events',
  '--fault-rate': 'faultRate',
  '--seed': 'seed',
  '--time-scale': 'timeScale',
  '--workers': 'workers',
  '--deliveries': 'deliveries',
  '--verbose': 'verbose',
  '--help': 'help',
};

/** Range checks of the numeric flags: [min, max, whole number?, description]. */
const RANGES: Readonly<Record<NumericFlag, readonly [number, number, boolean, string]>> = {
  events: [1, 100_000, true, 'a whole number from 1 to 100000'],
  faultRate: [0, 0.95, false, 'a number from 0 to 0.95'],
  timeScale: [1, 1000, false, 'a number from 1 to 1000'],
  workers: [1, 32, true, 'a whole number from 1 to 32'],
  deliveries: [1, 32, true, 'a whole number from 1 to 32'],
};

function parseNumber(flag: string, key: NumericFlag, text: string | undefined): number {
  const [min, max, whole, description] = RANGES[key];
  const value = text === undefined || text.trim() === '' ? Number.NaN : Number(text);
  if (
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (whole && !Number.isInteger(value))
  ) {
    throw new ChaosUsageError(
      flag,
      `expected ${description}, got ${text === undefined ? 'nothing' : JSON.stringify(text)}`,
    );
  }
  return value;
}

/**
 * Parses the arguments after `npm run chaos --`. `--flag value` and `--flag=value` both work.
 * Returns `'help'` for `--help`.
 *
 * @throws {ChaosUsageError} naming the flag and what was expected.
 * @example
 * ```ts
 * parseChaosArgs(['--events', '40', '--fault-rate=0.2', '--seed', '7']);
 * // { events: 40, faultRate: 0.2, seed: '7', timeScale: 100, workers: 5, deliveries: 8, verbose: false }
 * ```
 */
export function parseChaosArgs(argv: readonly string[]): ChaosOptions | 'help' {
  const options: { -readonly [K in keyof ChaosOptions]: ChaosOptions[K] } = {
    ...DEFAULT_CHAOS_OPTIONS,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const argument = argv[i] as string;
    const [flag, inline] = argument.startsWith('--') ? argument.split(/=(.*)/s, 2) : [argument];
    const key = FLAGS[flag as string];
    if (key === undefined) {
      throw new ChaosUsageError(argument, 'unknown argument (see --help)');
    }
    if (key === 'help') return 'help';
    if (key === 'verbose') {
      if (inline !== undefined) throw new ChaosUsageError(flag as string, 'takes no value');
      options.verbose = true;
      continue;
    }
    const value = inline ?? argv[i + 1];
    if (inline === undefined) i += 1;
    if (key === 'seed') {
      if (value === undefined || value.trim() === '' || value.startsWith('--')) {
        throw new ChaosUsageError(flag as string, 'expected a seed (any text)');
      }
      options.seed = value;
    } else {
      options[key] = parseNumber(flag as string, key, value);
    }
  }
  return options;
}

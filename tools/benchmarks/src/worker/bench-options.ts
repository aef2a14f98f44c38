import { DEFAULT_ASSIGNMENT_POLLING } from '@org/governance-runtime';

/** Settings of one worker throughput benchmark run. */
export interface BenchOptions {
  /** Assignment creations to execute. */
  readonly creates: number;
  /** Accounts they are spread over (one FIFO message group each). */
  readonly accounts: number;
  /** Concurrent worker invocations (the event source mapping's maximum concurrency). */
  readonly workers: number;
  readonly requestsPerSecond: number;
  readonly maxOutstandingCreates: number;
  /** Completion latency of a creation, uniform in [min, max] ms. */
  readonly latencyMinMs: number;
  readonly latencyMaxMs: number;
  /** Round trip of every API call, ms. */
  readonly callLatencyMs: number;
  /** Organizations reads per second (shared by every caller; the worker's level checks here). */
  readonly organizationsReadsPerSecond: number;
  /** Round trip of an Organizations call, ms. */
  readonly organizationsCallLatencyMs: number;
  readonly throttleRate: number;
  readonly failureRate: number;
  /** The worker's wait before its first status poll, ms (the production default). */
  readonly firstPollDelayMs: number;
  /** The worker's wait between status polls, ms, and its growth factor (production defaults). */
  readonly pollIntervalMs: number;
  /** How long the worker polls at the steady interval before backing off, ms (production default). */
  readonly steadyPollingMs: number;
  readonly pollBackoff: number;
  /** The queue's visibility timeout, ms. */
  readonly visibilityTimeoutMs: number;
  readonly seed: number;
}

/**
 * Defaults: AWS's published quotas (20 requests/s, 10 outstanding creations; 5 Organizations
 * reads/s, the budget the product keeps to), creations that
 * complete in 1–5 s, 1 % throttling, 0.5 % failures, and the production worker: 10 concurrent
 * invocations, the 90 s timeout (60 s status wait + 30 s), a visibility timeout of 6 × 90 s.
 */
export const DEFAULT_BENCH_OPTIONS: BenchOptions = {
  creates: 5000,
  accounts: 500,
  workers: 10,
  requestsPerSecond: 20,
  maxOutstandingCreates: 10,
  latencyMinMs: 1000,
  latencyMaxMs: 5000,
  callLatencyMs: 30,
  organizationsReadsPerSecond: 5,
  organizationsCallLatencyMs: 150,
  throttleRate: 0.01,
  failureRate: 0.005,
  firstPollDelayMs: DEFAULT_ASSIGNMENT_POLLING.firstPollDelayMs,
  pollIntervalMs: DEFAULT_ASSIGNMENT_POLLING.pollIntervalMs,
  steadyPollingMs: DEFAULT_ASSIGNMENT_POLLING.steadyPollingMs,
  pollBackoff: DEFAULT_ASSIGNMENT_POLLING.pollBackoff,
  visibilityTimeoutMs: 540_000,
  seed: 42,
};

/** `true` for the name of a {@link BenchOptions} field. */
function isOptionKey(key: string): key is keyof BenchOptions {
  return key in DEFAULT_BENCH_OPTIONS;
}

/** `--first-poll-delay-ms` → `firstPollDelayMs`. */
function toKey(flag: string): string {
  return flag.replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Reads `--name value` pairs over the defaults (names in kebab case, e.g. `--throttle-rate 0.05`).
 *
 * @throws {RangeError} naming the flag, for an unknown flag or a value that is not a number.
 * @example
 * ```ts
 * parseBenchOptions(['--creates', '1000', '--workers', '8']);
 * ```
 */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const overrides: Partial<Record<keyof BenchOptions, number>> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    const key = toKey(flag);
    const value = Number(argv[i + 1]);
    if (!flag.startsWith('--') || !isOptionKey(key)) {
      throw new RangeError(
        `unknown option ${flag}; known: ${Object.keys(DEFAULT_BENCH_OPTIONS).join(', ')}`,
      );
    }
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`${flag} needs a non-negative number, got ${argv[i + 1] ?? 'nothing'}`);
    }
    overrides[key] = value;
  }
  const parsed: BenchOptions = { ...DEFAULT_BENCH_OPTIONS, ...overrides };
  if (parsed.latencyMaxMs < parsed.latencyMinMs) {
    throw new RangeError('--latency-max-ms must be at least --latency-min-ms');
  }
  if (parsed.accounts < 1 || parsed.workers < 1 || parsed.creates < 1) {
    throw new RangeError('--creates, --accounts and --workers must be at least 1');
  }
  return parsed;
}

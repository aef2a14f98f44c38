import { DEFAULT_SCALE_OPTIONS, type ScaleOptions } from './run-scale-bench';

/**
 * Reads `--accounts N [--shard-size N] [--map-concurrency N] [--worker-creates N] [--verbose]`
 * over {@link DEFAULT_SCALE_OPTIONS}.
 *
 * @throws {RangeError} naming the flag, for an unknown flag or a value that is not a whole number.
 * @example
 * ```ts
 * parseScaleOptions(['--accounts', '10000']).accounts; // 10000
 * ```
 */
export function parseScaleOptions(argv: readonly string[]): ScaleOptions & { verbose: boolean } {
  const numbers: Record<string, keyof ScaleOptions> = {
    '--accounts': 'accounts',
    '--shard-size': 'shardSize',
    '--map-concurrency': 'mapConcurrency',
    '--worker-creates': 'workerCreates',
  };
  const parsed: Record<string, unknown> = { ...DEFAULT_SCALE_OPTIONS, verbose: false };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i] ?? '';
    if (flag === '--verbose') {
      parsed['verbose'] = true;
      continue;
    }
    const key = numbers[flag];
    const value = Number(argv[i + 1]);
    if (key === undefined) throw new RangeError(`unknown option ${flag}`);
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(
        `${flag} needs a positive whole number, got ${argv[i + 1] ?? 'nothing'}`,
      );
    }
    parsed[key] = value;
    i += 1;
  }
  return parsed as unknown as ScaleOptions & { verbose: boolean };
}

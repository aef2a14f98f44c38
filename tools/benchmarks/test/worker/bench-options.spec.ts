import { DEFAULT_BENCH_OPTIONS, parseBenchOptions } from '../../src/worker/bench-options';

describe('parseBenchOptions', () => {
  it('overrides the defaults with kebab-case flags', () => {
    expect(parseBenchOptions(['--creates', '100', '--throttle-rate', '0.05'])).toStrictEqual({
      ...DEFAULT_BENCH_OPTIONS,
      creates: 100,
      throttleRate: 0.05,
    });
  });

  it.each([
    { argv: ['--speed', '1'], message: 'unknown option --speed' },
    { argv: ['--creates', 'many'], message: '--creates needs a non-negative number, got many' },
    {
      argv: ['--latency-min-ms', '900', '--latency-max-ms', '100'],
      message: '--latency-max-ms must be at least --latency-min-ms',
    },
    { argv: ['--workers', '0'], message: '--creates, --accounts and --workers must be at least 1' },
  ])('rejects $argv', ({ argv, message }) => {
    expect(() => parseBenchOptions(argv)).toThrow(message);
  });
});

import { ChaosUsageError } from '../errors';
import { DEFAULT_CHAOS_OPTIONS, parseChaosArgs } from './chaos-options';

/** The error `run` throws (`undefined` when it returns). */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('parseChaosArgs', () => {
  describe.each([
    { argv: [], expected: DEFAULT_CHAOS_OPTIONS },
    {
      argv: ['--events', '40', '--fault-rate', '0.2', '--seed', '7'],
      expected: { ...DEFAULT_CHAOS_OPTIONS, events: 40, faultRate: 0.2, seed: '7' },
    },
    {
      argv: ['--events=500', '--fault-rate=0', '--time-scale', '20', '--workers', '2', '--verbose'],
      expected: {
        ...DEFAULT_CHAOS_OPTIONS,
        events: 500,
        faultRate: 0,
        timeScale: 20,
        workers: 2,
        verbose: true,
      },
    },
    {
      argv: ['--deliveries', '8', '--seed=a b'],
      expected: { ...DEFAULT_CHAOS_OPTIONS, deliveries: 8, seed: 'a b' },
    },
    { argv: ['--events', '1', '--help'], expected: 'help' },
  ])('$argv', ({ argv, expected }) => {
    it('parses', () => {
      expect(parseChaosArgs(argv)).toStrictEqual(expected);
    });
  });

  describe.each([
    {
      argv: ['--events', 'many'],
      error: new ChaosUsageError(
        '--events',
        'expected a whole number from 1 to 100000, got "many"',
      ),
    },
    {
      argv: ['--events', '0'],
      error: new ChaosUsageError('--events', 'expected a whole number from 1 to 100000, got "0"'),
    },
    {
      argv: ['--events', '2.5'],
      error: new ChaosUsageError('--events', 'expected a whole number from 1 to 100000, got "2.5"'),
    },
    {
      argv: ['--fault-rate', '1'],
      error: new ChaosUsageError('--fault-rate', 'expected a number from 0 to 0.95, got "1"'),
    },
    {
      argv: ['--fault-rate'],
      error: new ChaosUsageError('--fault-rate', 'expected a number from 0 to 0.95, got nothing'),
    },
    { argv: ['--seed'], error: new ChaosUsageError('--seed', 'expected a seed (any text)') },
    {
      argv: ['--seed', '--verbose'],
      error: new ChaosUsageError('--seed', 'expected a seed (any text)'),
    },
    { argv: ['--verbose=yes'], error: new ChaosUsageError('--verbose', 'takes no value') },
    {
      argv: ['--rate', '0.2'],
      error: new ChaosUsageError('--rate', 'unknown argument (see --help)'),
    },
    { argv: ['500'], error: new ChaosUsageError('500', 'unknown argument (see --help)') },
  ])('$argv', ({ argv, error }) => {
    it('is a usage error naming the flag', () => {
      const thrown = thrownBy(() => parseChaosArgs(argv));
      expect(thrown).toBeInstanceOf(ChaosUsageError);
      expect({
        code: (thrown as ChaosUsageError).code,
        message: (thrown as Error).message,
      }).toStrictEqual({
        code: 'CHAOS_USAGE',
        message: error.message,
      });
    });
  });
});

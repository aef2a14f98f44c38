import {
  ConfigError,
  DEFAULT_MAX_DESTRUCTIVE_OPERATIONS,
  formatProblem,
  maxDestructiveOperationsOf,
  parseGovernanceConfig,
} from '../../src';

/** The problems a config raises, or `[]` when it parses. */
function problemsOf(text: string): string[] {
  try {
    parseGovernanceConfig(text, 'governance.yaml');
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map(formatProblem);
    throw error;
  }
}

describe('settings.maxDestructiveOperations', () => {
  it.each([
    ['absent: the default', '{}', 25],
    ['set', 'settings: { maxDestructiveOperations: 100 }', 100],
    [
      'zero: every detach and delete waits for a confirmation',
      'settings: { maxDestructiveOperations: 0 }',
      0,
    ],
  ])('%s', (_label, text, limit) => {
    expect(maxDestructiveOperationsOf(parseGovernanceConfig(text, 'g').settings)).toBe(limit);
  });

  it('defaults to 25', () => {
    expect(DEFAULT_MAX_DESTRUCTIVE_OPERATIONS).toBe(25);
  });

  it.each([
    [
      'negative',
      '-1',
      'line 1: settings.maxDestructiveOperations: must be at least 0; got number -1',
    ],
    [
      'not an integer',
      '2.5',
      'line 1: settings.maxDestructiveOperations: expected an integer, got number 2.5',
    ],
  ])('refuses a %s limit', (_label, value, problem) => {
    expect(problemsOf(`settings: { maxDestructiveOperations: ${value} }`)).toStrictEqual([problem]);
  });
});

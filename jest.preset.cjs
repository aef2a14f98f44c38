/**
 * Shared Jest preset: ts-jest (isolated, type checking is the `typecheck` target's job),
 * node environment, the `@org/source` export condition so tests use sibling sources, and a
 * reporter that fails the run when a passing test recorded no assertion.
 */
module.exports = {
  testEnvironment: 'node',
  testEnvironmentOptions: {
    customExportConditions: ['@org/source', 'node', 'require', 'default'],
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  coverageReporters: ['text-summary', 'lcov'],
  // Fails the run when a passing test recorded no assertion (it would prove nothing).
  reporters: ['default', require.resolve('./tools/scripts/jest/assertion-count-reporter.cjs')],
};

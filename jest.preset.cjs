/**
 * Shared Jest preset: ts-jest (isolated, type checking is the `typecheck` target's job),
 * node environment, and the `@org/source` export condition so tests use sibling sources.
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
};

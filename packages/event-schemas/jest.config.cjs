/** Jest configuration of @org/event-schemas: coverage is collected and enforced on every run. */
module.exports = {
  displayName: 'event-schemas',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/packages/event-schemas',
  collectCoverage: true,
  collectCoverageFrom: ['src/**/*.ts'],
  coverageThreshold: { global: { lines: 95, branches: 90, functions: 95, statements: 95 } },
};

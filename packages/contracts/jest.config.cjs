/** Jest configuration of @org/contracts: coverage is collected and enforced on every run. */
module.exports = {
  displayName: 'contracts',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/packages/contracts',
  collectCoverage: true,
  // index.ts only re-exports (its getters are not code under test).
  collectCoverageFrom: ['src/**/*.ts', '!src/index.ts'],
  coverageThreshold: { global: { lines: 95, branches: 90, functions: 95, statements: 95 } },
};

/** Jest configuration of @org/orgctl: in-process and binary tests, plus the live commands'
 * integration tests against moto and DynamoDB Local, started once per run by @org/emulators. */
module.exports = {
  displayName: 'cli',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/cli',
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  collectCoverage: true,
  collectCoverageFrom: ['src/**/*.ts', '!src/**/index.ts', '!src/main.ts'],
  coverageThreshold: { global: { lines: 90 } },
};

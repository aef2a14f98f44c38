/** Jest configuration of @org/aws-adapters: unit tests (mocked SDK) and integration tests
 * against moto and DynamoDB Local, started once per run by @org/emulators. */
module.exports = {
  displayName: 'aws-adapters',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/packages/aws-adapters',
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  coverageThreshold: { global: { statements: 95, branches: 85, functions: 95, lines: 95 } },
};

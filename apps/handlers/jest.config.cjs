/**
 * Jest configuration of @org/handlers: unit tests (in-memory AWS, test/unit) and end-to-end
 * tests through moto and DynamoDB Local (test/e2e), which @org/emulators starts once per run on
 * 127.0.0.1.
 */
module.exports = {
  displayName: 'handlers',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/handlers',
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};

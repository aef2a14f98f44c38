/**
 * Jest configuration of @org/local-stack: end-to-end tests of the real handlers deployed into
 * moto (test/e2e), which @org/emulators starts once per run on 127.0.0.1.
 */
module.exports = {
  displayName: 'local-stack',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/tools/local-stack',
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};

/**
 * Jest configuration of the release tooling. The registry test publishes, installs and
 * synthesizes with real npm and CDK processes: generous timeout, one suite at a time.
 */
module.exports = {
  displayName: 'release',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testTimeout: 600000,
  maxWorkers: 1,
};

/** Jest configuration of the workspace checks (lint rules and package metadata). */
module.exports = {
  displayName: 'workspace-checks',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testTimeout: 120000,
};

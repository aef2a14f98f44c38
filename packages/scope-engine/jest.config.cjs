/** Jest configuration of @org/scope-engine. */
module.exports = {
  displayName: 'scope-engine',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/packages/scope-engine',
};

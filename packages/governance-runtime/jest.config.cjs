/** Jest configuration of @org/governance-runtime. */
module.exports = {
  displayName: 'governance-runtime',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/packages/governance-runtime',
};

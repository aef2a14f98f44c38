/** Jest configuration of @org/orgctl. */
module.exports = {
  displayName: 'cli',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/cli',
};

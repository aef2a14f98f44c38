/** Jest configuration of @org/handlers. */
module.exports = {
  displayName: 'handlers',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/handlers',
};

/** Jest configuration of @org/deploy-app. */
module.exports = {
  displayName: 'deploy-app',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/deploy-app',
};

/** Jest configuration of @org/aws-adapters. */
module.exports = {
  displayName: 'aws-adapters',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/packages/aws-adapters',
};

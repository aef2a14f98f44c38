/** Jest configuration of @org/scp-automation-construct. */
module.exports = {
  displayName: 'scp-automation-construct',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/packages/scp-automation-construct',
};

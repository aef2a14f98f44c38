/** Jest configuration of @org/test-browser. */
module.exports = {
  displayName: 'test-browser',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/tools/test-browser',
};

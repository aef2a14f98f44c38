/** Jest configuration of @org/emulators. */
module.exports = {
  displayName: 'emulators',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/tools/emulators',
};

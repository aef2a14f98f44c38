/** Jest configuration of the chaos run: unit tests and a small seeded run against the emulators. */
module.exports = {
  displayName: 'chaos',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testTimeout: 300000,
};

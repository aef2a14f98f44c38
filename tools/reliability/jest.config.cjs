/** Jest configuration of the reliability suite: seeded fuzzing and hostile input (README.md). */
module.exports = {
  displayName: 'reliability',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testTimeout: 120000,
};

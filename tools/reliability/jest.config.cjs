/** Jest configuration of the reliability suite: seeded fuzzing and hostile input (README.md). */
module.exports = {
  displayName: 'reliability',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testTimeout: 120000,
  // The budget spec runs last and counts the cases the fuzz specs ran (src/support/fuzz-ledger.cjs).
  testSequencer: '<rootDir>/src/support/fuzz-sequencer.cjs',
};

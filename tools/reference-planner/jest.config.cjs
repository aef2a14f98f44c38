/** Jest configuration of the reference planner: its own examples, the import guard and the differential property test. */
module.exports = {
  displayName: 'reference-planner',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testTimeout: 120000,
};

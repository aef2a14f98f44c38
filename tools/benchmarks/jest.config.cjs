/** Jest configuration of the benchmarks: their option parsing and a small run of each. */
module.exports = {
  displayName: 'benchmarks',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/tools/benchmarks',
};

/** Jest configuration of @org/scope-engine. */
module.exports = {
  displayName: 'scope-engine',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/packages/scope-engine',
  collectCoverage: true,
  collectCoverageFrom: ['src/**/*.ts', '!src/**/index.ts'],
  // The pure engine (everything but the ports and the pipeline, which have their own owners and
  // tests) must stay at least 90% covered by lines.
  coverageThreshold: {
    './src/config/': { lines: 90 },
    './src/desired/': { lines: 90 },
    './src/events/': { lines: 90 },
    './src/matching/': { lines: 90 },
    './src/plan/': { lines: 90 },
    './src/problems/': { lines: 90 },
    './src/resolve/': { lines: 90 },
    './src/schema/': { lines: 90 },
    './src/snapshot/': { lines: 90 },
    './src/source/': { lines: 90 },
    './src/trust/': { lines: 90 },
  },
};

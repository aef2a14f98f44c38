/** Jest configuration of @org/orgctl. */
module.exports = {
  displayName: 'cli',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/cli',
  collectCoverage: true,
  collectCoverageFrom: ['src/**/*.ts', '!src/**/index.ts', '!src/main.ts'],
  coverageThreshold: { global: { lines: 90 } },
};

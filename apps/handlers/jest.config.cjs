/**
 * Jest configuration of @org/handlers: unit tests against in-memory AWS (test/unit). The
 * end-to-end tests through moto live with the local stack (tools/local-stack/test/e2e).
 */
module.exports = {
  displayName: 'handlers',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/handlers',
};

/** Jest configuration of @org/event-schemas. */
module.exports = {
  displayName: 'event-schemas',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/packages/event-schemas',
};

/**
 * What the pure core (contracts, event-schemas, scope-engine) must not touch, written once: the
 * root `eslint.config.mjs` bans these names by lint (`pureCore`), and the engine's purity test
 * (`packages/scope-engine/test/purity`) scans every engine source for them, so turning a lint rule
 * off cannot hide a violation. CommonJS (with `pure-core.d.cts` for TypeScript) so both the ESM
 * ESLint config and Jest load it.
 */

/** Globals that schedule work, read time or reach the process: none of them in the pure core. */
const IMPURE_GLOBALS = Object.freeze([
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'clearImmediate',
  'queueMicrotask',
  'performance',
  'process',
]);

module.exports = { IMPURE_GLOBALS };

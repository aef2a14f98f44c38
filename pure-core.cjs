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

/**
 * Packages the pure core never imports (ESLint `no-restricted-imports` patterns: `x/*` is any
 * module under `x`): no AWS SDK, no CDK.
 */
const IMPURE_PACKAGES = Object.freeze([
  '@aws-sdk/*',
  '@smithy/*',
  'aws-cdk-lib',
  'aws-cdk-lib/*',
  'constructs',
]);

module.exports = { IMPURE_GLOBALS, IMPURE_PACKAGES };

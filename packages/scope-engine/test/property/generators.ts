/** The engine's generators live in `src/testing` (`@org/scope-engine/testing`), shared with the runtime's parity test. */
export { arbConfig, arbEvent, arbOrg, arbScenario } from '../../src/testing';

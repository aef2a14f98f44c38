/**
 * `@org/scope-engine/testing`: what tests of the engine and of the packages built on it share —
 * fast-check arbitraries of organizations, rules and events, event metadata, raw Organizations
 * events and names that would act on a terminal. Not for product code (it needs `fast-check`, an optional peer dependency).
 *
 * @example
 * ```ts
 * import { arbScenario } from '@org/scope-engine/testing';
 * fc.assert(fc.property(arbScenario, ({ org, config, event }) => { ... }));
 * ```
 */
export { arbConfig, arbEvent, arbOrg, arbScenario } from './arbitraries';
export { eventMeta } from './event-meta';
export { organizationsEvent } from './organizations-event';
export { problemsOf } from './problems-of';
export { TERMINAL_PAYLOADS } from './terminal-payloads';

import type { connect, connectQueueAdmin } from './connect';

/**
 * Loads the live wiring (the AWS SDK clients and adapters) on first use, so the offline commands
 * (`validate`, `plan`, `report`) never initialise the SDK: in the bundle, `require` of a source
 * module becomes a lazily initialised wrapper, which keeps `orgctl plan` start-up at a fraction of
 * loading every client.
 *
 * @example
 * ```ts
 * const ports = loadConnect()(io, settings);
 * ```
 */
export function loadConnect(): typeof connect {
  return (require('./connect') as typeof import('./connect')).connect;
}

/**
 * Loads {@link connectQueueAdmin} on first use (see {@link loadConnect}).
 *
 * @example
 * ```ts
 * const admin = loadConnectQueueAdmin()(io, connection);
 * ```
 */
export function loadConnectQueueAdmin(): typeof connectQueueAdmin {
  return (require('./connect') as typeof import('./connect')).connectQueueAdmin;
}

/**
 * Substituted for `@aws-sdk/middleware-endpoint-discovery` by `scripts/bundle.mjs`.
 *
 * The DynamoDB client resolves an endpoint-discovery configuration — with an LRU endpoint cache
 * (`@aws-sdk/endpoint-cache`, `mnemonist`, `obliterator`: about 8 KB of a bundle) — that nothing
 * reads: none of its commands registers the discovery middleware (DynamoDB never requires
 * discovered endpoints, and the product never enables them). This module keeps the two exports
 * the client imports, without the cache. Should a future client register the middleware, its
 * import of `getEndpointDiscoveryPlugin` fails the bundle instead of silently doing nothing.
 */

/** The part of a client configuration endpoint discovery resolves. */
export interface EndpointDiscoveryInput {
  readonly endpointDiscoveryEnabled?: boolean;
  readonly endpointDiscoveryEnabledProvider?: () => Promise<boolean | undefined>;
}

/**
 * The `endpoint_discovery_enabled` loader options; never read (see the module header), so
 * discovery always reads as unset.
 */
export const NODE_ENDPOINT_DISCOVERY_CONFIG_OPTIONS = {
  environmentVariableSelector: (): boolean | undefined => undefined,
  configFileSelector: (): boolean | undefined => undefined,
  default: undefined,
};

/**
 * The client's endpoint-discovery configuration, as the SDK resolves it but without the
 * endpoint cache.
 *
 * @example
 * ```ts
 * const config = resolveEndpointDiscoveryConfig({ region: 'us-east-1' }, { endpointDiscoveryCommandCtor });
 * await config.endpointDiscoveryEnabled(); // undefined
 * ```
 */
export function resolveEndpointDiscoveryConfig<Input extends EndpointDiscoveryInput, Command>(
  input: Input,
  { endpointDiscoveryCommandCtor }: { readonly endpointDiscoveryCommandCtor: Command },
): Input & {
  readonly endpointDiscoveryCommandCtor: Command;
  readonly endpointDiscoveryEnabled: () => Promise<boolean | undefined>;
  readonly isClientEndpointDiscoveryEnabled: boolean;
} {
  const { endpointDiscoveryEnabled, endpointDiscoveryEnabledProvider } = input;
  return Object.assign(input, {
    endpointDiscoveryCommandCtor,
    endpointDiscoveryEnabled:
      endpointDiscoveryEnabled !== undefined
        ? () => Promise.resolve(endpointDiscoveryEnabled)
        : (endpointDiscoveryEnabledProvider ?? (() => Promise.resolve(undefined))),
    isClientEndpointDiscoveryEnabled: endpointDiscoveryEnabled !== undefined,
  });
}

import {
  NODE_ENDPOINT_DISCOVERY_CONFIG_OPTIONS,
  resolveEndpointDiscoveryConfig,
} from '../../src/bundling/no-endpoint-discovery';

class DescribeEndpoints {}

describe('the endpoint-discovery substitute of the bundles', () => {
  it.each([
    { name: 'unset', input: {}, enabled: undefined, client: false },
    {
      name: 'set on the client',
      input: { endpointDiscoveryEnabled: false },
      enabled: false,
      client: true,
    },
    {
      name: 'from a provider',
      input: { endpointDiscoveryEnabledProvider: async () => true },
      enabled: true,
      client: false,
    },
  ])(
    'resolves discovery $name like the SDK, without an endpoint cache',
    async ({ input, enabled, client }) => {
      const resolved = resolveEndpointDiscoveryConfig(
        { region: 'us-east-1', ...input },
        { endpointDiscoveryCommandCtor: DescribeEndpoints },
      );
      expect({
        enabled: await resolved.endpointDiscoveryEnabled(),
        client: resolved.isClientEndpointDiscoveryEnabled,
        command: resolved.endpointDiscoveryCommandCtor,
        cache: 'endpointCache' in resolved,
      }).toStrictEqual({ enabled, client, command: DescribeEndpoints, cache: false });
    },
  );

  it('reads the setting as unset from the environment and the config file', () => {
    expect([
      NODE_ENDPOINT_DISCOVERY_CONFIG_OPTIONS.environmentVariableSelector(),
      NODE_ENDPOINT_DISCOVERY_CONFIG_OPTIONS.configFileSelector(),
      NODE_ENDPOINT_DISCOVERY_CONFIG_OPTIONS.default,
    ]).toStrictEqual([undefined, undefined, undefined]);
  });
});

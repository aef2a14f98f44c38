import type { Environment } from '@org/contracts';
import {
  type ClientTarget,
  identityStoreClient,
  ssoAdminClient,
  stsClient,
} from '../../src/shared/aws/clients';
import {
  readProcessorConfig,
  readReconcilerConfig,
  readWorkerConfig,
} from '../../src/shared/config/handler-config';
import { COMPLETE_ENVIRONMENT } from '../support/fixtures';

/** The functions that call Identity Center, each with its own configuration reader. */
const READERS: readonly (readonly [string, (env: Environment) => ClientTarget['config']])[] = [
  ['org-events-processor', readProcessorConfig],
  [
    'operations-worker',
    (env) =>
      readWorkerConfig({ ...env, STATUS_WAIT_SECONDS: '20', OPERATIONS_MAX_RECEIVE_COUNT: '5' }),
  ],
  ['reconciler', readReconcilerConfig],
];

/** The regions the SSO Admin, Identity Store and STS clients of a function connect to. */
async function clientRegions(functionName: string, config: ClientTarget['config']) {
  const target = { config, functionName };
  return {
    ssoAdmin: await ssoAdminClient(target).config.region(),
    identityStore: await identityStoreClient(target).config.region(),
    sts: await stsClient(target).config.region(),
  };
}

const IN_FRANKFURT = { ...COMPLETE_ENVIRONMENT, AWS_REGION: 'eu-central-1' };

describe.each(READERS)('%s', (functionName, read) => {
  it("calls SSO Admin and the Identity Store in IDENTITY_CENTER_REGION, and STS in the function's region", async () => {
    await expect(
      clientRegions(functionName, read({ ...IN_FRANKFURT, IDENTITY_CENTER_REGION: 'eu-west-1' })),
    ).resolves.toStrictEqual({
      ssoAdmin: 'eu-west-1',
      identityStore: 'eu-west-1',
      sts: 'eu-central-1',
    });
  });

  it("calls every client in the function's region without IDENTITY_CENTER_REGION", async () => {
    await expect(clientRegions(functionName, read(IN_FRANKFURT))).resolves.toStrictEqual({
      ssoAdmin: 'eu-central-1',
      identityStore: 'eu-central-1',
      sts: 'eu-central-1',
    });
  });
});

it('refuses an IDENTITY_CENTER_REGION that is not a region', () => {
  expect(() =>
    readReconcilerConfig({ ...IN_FRANKFURT, IDENTITY_CENTER_REGION: 'Ireland' }),
  ).toThrow('IDENTITY_CENTER_REGION must be an AWS region such as eu-west-1, got "Ireland"');
});

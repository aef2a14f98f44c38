import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  partition,
  type PartitionsInfo,
  setPartitionInfo,
  useDefaultPartitionInfo,
} from '@aws-sdk/core/client';
import { SignatureV4MultiRegion as SdkSignatureV4MultiRegion } from '@aws-sdk/signature-v4-multi-region';
import { Sha256 } from '@smithy/core/checksum';
import { chain, CredentialsProviderError, loadConfig } from '@smithy/core/config';
import { HttpRequest } from '@smithy/core/protocols';
import { fromSharedConfigFiles } from '../../src/bundling/no-shared-config-files';
import {
  partitionsWithoutDescriptions,
  UnexpectedPartitionsModuleError,
} from '../../src/bundling/partitions-without-descriptions';
import {
  SignatureV4MultiRegion,
  UnavailableSigV4aError,
} from '../../src/bundling/sigv4-only-signer';
import {
  resolveParamsForS3,
  UnavailableS3EndpointError,
} from '../../src/bundling/unreachable-sdk-fallbacks';

const SIGNER_OPTIONS = {
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' },
  region: 'eu-west-1',
  service: 'sts',
  sha256: Sha256,
};

function assumeRoleRequest(): HttpRequest {
  return new HttpRequest({
    method: 'POST',
    protocol: 'https:',
    hostname: 'sts.eu-west-1.amazonaws.com',
    path: '/',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      host: 'sts.eu-west-1.amazonaws.com',
    },
    body: 'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fx',
  });
}

const SIGNING_DATE = new Date('2026-12-06T12:00:00Z');

describe('the STS signer of the bundles', () => {
  it('signs a request exactly as the SDK signer does', async () => {
    const [ours, sdk] = await Promise.all([
      new SignatureV4MultiRegion(SIGNER_OPTIONS).sign(assumeRoleRequest(), {
        signingDate: SIGNING_DATE,
      }),
      new SdkSignatureV4MultiRegion(SIGNER_OPTIONS).sign(assumeRoleRequest(), {
        signingDate: SIGNING_DATE,
      }),
    ]);
    expect(ours.headers).toStrictEqual(sdk.headers);
  });

  it('presigns a request exactly as the SDK signer does', async () => {
    const options = { signingDate: SIGNING_DATE, expiresIn: 900 };
    const [ours, sdk] = await Promise.all([
      new SignatureV4MultiRegion(SIGNER_OPTIONS).presign(assumeRoleRequest(), options),
      new SdkSignatureV4MultiRegion(SIGNER_OPTIONS).presign(assumeRoleRequest(), options),
    ]);
    expect(ours.query).toStrictEqual(sdk.query);
  });

  it('reports SigV4a unavailable and refuses the region `*`, as the SDK signer without CRT does', async () => {
    await expect(
      new SdkSignatureV4MultiRegion({ ...SIGNER_OPTIONS, runtime: 'node' } as never).sign(
        assumeRoleRequest(),
        { signingRegion: '*' },
      ),
    ).rejects.toThrow(/SigV4a/);
    expect({
      sdk: SdkSignatureV4MultiRegion.sigv4aDependency(),
      ours: SignatureV4MultiRegion.sigv4aDependency(),
    }).toStrictEqual({ sdk: 'none', ours: 'none' });
    await expect(
      new SignatureV4MultiRegion(SIGNER_OPTIONS).sign(assumeRoleRequest(), { signingRegion: '*' }),
    ).rejects.toThrow(UnavailableSigV4aError);
  });

  it('signs no S3 Express session', async () => {
    await expect(new SignatureV4MultiRegion(SIGNER_OPTIONS).signWithCredentials()).rejects.toThrow(
      UnavailableSigV4aError,
    );
  });
});

describe('the shared-config-file source of the bundles', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('finds nothing, as the SDK source does where there are no config files (Lambda)', async () => {
    process.env['AWS_CONFIG_FILE'] = path.join(__dirname, 'no-such-config');
    process.env['AWS_SHARED_CREDENTIALS_FILE'] = path.join(__dirname, 'no-such-credentials');
    const selector = (profile: Record<string, string | undefined>) => profile['retry_mode'];
    const sdk = loadConfig({
      environmentVariableSelector: () => undefined,
      configFileSelector: selector,
      default: 'standard',
    });
    const ours = chain(fromSharedConfigFiles<string>(selector), async () => 'standard');
    expect({ sdk: await sdk(), ours: await ours() }).toStrictEqual({
      sdk: 'standard',
      ours: 'standard',
    });
    const refusal = await fromSharedConfigFiles(selector)().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(CredentialsProviderError);
    expect((refusal as CredentialsProviderError).tryNextLink).toBe(true);
  });
});

function partitionsSource(): string {
  const root = path.dirname(require.resolve('@aws-sdk/core/package.json'));
  return readFileSync(
    path.join(root, 'dist-es/submodules/client/util-endpoints/lib/aws/partitions.js'),
    'utf8',
  );
}

function tableOf(module: string): PartitionsInfo {
  return JSON.parse(
    module.replace(/^export const partitionsInfo = /, '').replace(/;\s*$/, ''),
  ) as PartitionsInfo;
}

describe('the partitions table of the bundles', () => {
  afterEach(() => useDefaultPartitionInfo());

  it('resolves every region and unknown names to the same partition, without descriptions', () => {
    const full = tableOf(partitionsSource());
    const trimmed = tableOf(partitionsWithoutDescriptions(partitionsSource()));
    const names = [
      ...full.partitions.flatMap((p) => Object.keys(p.regions)),
      'eu-north-9',
      'us-gov-east-7',
      'cn-west-8',
      'nowhere',
    ];
    const resolve = (table: PartitionsInfo) => {
      setPartitionInfo(table);
      return names.map((name) =>
        Object.fromEntries(
          Object.entries(partition(name)).filter(([key]) => key !== 'description'),
        ),
      );
    };
    expect(names.length).toBeGreaterThan(30);
    expect(resolve(trimmed)).toStrictEqual(resolve(full));
    expect(JSON.stringify(trimmed)).not.toContain('description');
  });

  it('refuses a table whose regions hold more than a description', () => {
    const changed = partitionsSource().replace(
      '"description": "Africa (Cape Town)"',
      '"description": "Africa (Cape Town)", "supportsFIPS": false',
    );
    expect(() => partitionsWithoutDescriptions(changed)).toThrow(UnexpectedPartitionsModuleError);
    expect(() => partitionsWithoutDescriptions('export const x = 1;')).toThrow(
      UnexpectedPartitionsModuleError,
    );
  });
});

describe('the S3 endpoint customization of the bundles', () => {
  it('is never reached (no S3 client) and fails loudly if it were', async () => {
    await expect(resolveParamsForS3()).rejects.toThrow(UnavailableS3EndpointError);
  });
});

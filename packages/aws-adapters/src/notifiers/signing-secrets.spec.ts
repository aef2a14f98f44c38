import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { FAST_RETRY } from '../../test/support/fast-retry';
import { SecretsManagerSecretProvider } from './secret-provider';
import { signingSecretsOf } from './signing-secrets';

const secretsMock = mockClient(SecretsManagerClient);

beforeEach(() => secretsMock.reset());

const notFound = (): Error =>
  Object.assign(new Error("Secrets Manager can't find the specified secret value"), {
    name: 'ResourceNotFoundException',
  });

describe('signingSecretsOf', () => {
  it.each<[string, string, readonly string[]]>([
    ['a plain string', 's3cr3t', ['s3cr3t']],
    ['the JSON form', '{"current":"new","previous":"old"}', ['new', 'old']],
    ['the JSON form without previous', '{"current":"new"}', ['new']],
    ['an empty previous', '{"current":"new","previous":""}', ['new']],
    ['a previous equal to current', '{"current":"same","previous":"same"}', ['same']],
    ['a plain string starting with a brace', '{not json', ['{not json']],
    ['a JSON array (not the object form)', '["a"]', ['["a"]']],
  ])('%s', (_case, value, expected) => {
    expect(signingSecretsOf(value, 'arn:s')).toStrictEqual(expected);
  });

  it.each([
    ['{"previous":"old"}', 'has no non-empty string "current"'],
    ['{"current":""}', 'has no non-empty string "current"'],
    ['{"current":"new","previous":7}', 'has a "previous" that is not a string'],
  ])('refuses %s without showing it', (value, problem) => {
    expect(() => signingSecretsOf(value, 'arn:s')).toThrow(
      `Webhook secret arn:s is a JSON object but ${problem}: expected {"current": "...", "previous": "..."} or a plain string`,
    );
  });
});

describe('SecretsManagerSecretProvider.getSigningSecrets', () => {
  const provider = (): SecretsManagerSecretProvider =>
    new SecretsManagerSecretProvider(new SecretsManagerClient({ region: 'us-east-1' }), {
      retryPolicy: FAST_RETRY,
    });

  it('signs with AWSCURRENT only when no rotation is under way', async () => {
    secretsMock
      .on(GetSecretValueCommand, { SecretId: 'arn:s', VersionStage: undefined })
      .resolves({ SecretString: 'current' })
      .on(GetSecretValueCommand, { SecretId: 'arn:s', VersionStage: 'AWSPENDING' })
      .rejects(notFound());
    const secrets = provider();
    expect([
      await secrets.getSigningSecrets('arn:s'),
      await secrets.getSigningSecrets('arn:s'),
    ]).toStrictEqual([['current'], ['current']]);
    expect(
      secretsMock.commandCalls(GetSecretValueCommand).map((call) => call.args[0].input),
    ).toStrictEqual([
      { SecretId: 'arn:s', VersionStage: undefined },
      { SecretId: 'arn:s', VersionStage: 'AWSPENDING' },
    ]);
  });

  it('adds the AWSPENDING value during a Secrets Manager rotation', async () => {
    secretsMock
      .on(GetSecretValueCommand, { SecretId: 'arn:s', VersionStage: undefined })
      .resolves({ SecretString: 'current' })
      .on(GetSecretValueCommand, { SecretId: 'arn:s', VersionStage: 'AWSPENDING' })
      .resolves({ SecretString: 'pending' });
    expect(await provider().getSigningSecrets('arn:s')).toStrictEqual(['current', 'pending']);
  });

  it('reads the JSON form of a rotation by hand', async () => {
    secretsMock
      .on(GetSecretValueCommand, { VersionStage: undefined })
      .resolves({ SecretString: JSON.stringify({ current: 'new', previous: 'old' }) })
      .on(GetSecretValueCommand, { VersionStage: 'AWSPENDING' })
      .rejects(notFound());
    expect(await provider().getSigningSecrets('arn:s')).toStrictEqual(['new', 'old']);
  });

  it('keeps a missing secret an error', async () => {
    secretsMock.on(GetSecretValueCommand).rejects(notFound());
    await expect(provider().getSigningSecrets('arn:gone')).rejects.toMatchObject({
      code: 'NotFound',
    });
  });
});

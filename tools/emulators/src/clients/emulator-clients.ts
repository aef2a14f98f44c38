/**
 * AWS SDK clients pointed at the emulators, with static test credentials.
 */
import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { SupportClient } from '@aws-sdk/client-support';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Client, MetadataBearer } from '@smithy/types';
import { emulatorEndpoint } from '../jest/endpoints';

/** Options of {@link createMotoClients} and {@link createDynamoDbClients}. */
export interface EmulatorClientOptions {
  /** Endpoint override. @default the endpoint published by the jest global setup */
  readonly endpoint?: string;
  /** Region of every client. @default us-east-1 */
  readonly region?: string;
}

/** Every moto-backed client the adapters use. */
export interface MotoClients {
  /** The moto account these clients act as. */
  readonly accountId: string;
  readonly organizations: OrganizationsClient;
  readonly ssoAdmin: SSOAdminClient;
  readonly identityStore: IdentitystoreClient;
  readonly support: SupportClient;
  readonly sns: SNSClient;
  readonly sqs: SQSClient;
  readonly secretsManager: SecretsManagerClient;
}

/** DynamoDB Local clients. */
export interface DynamoDbClients {
  readonly dynamodb: DynamoDBClient;
  readonly documents: DynamoDBDocumentClient;
}

/**
 * A random 12-digit account id: each test suite acting as its own moto account gets its own
 * organization, so suites running in parallel never see each other's resources.
 */
export function randomAccountId(): string {
  return String(100_000_000_000 + (randomBytes(5).readUIntBE(0, 5) % 800_000_000_000));
}

const hasHeaders = (request: unknown): request is { headers: Record<string, string> } =>
  typeof request === 'object' &&
  request !== null &&
  typeof (request as { headers?: unknown }).headers === 'object';

/**
 * Makes a client act as a moto account (`x-moto-account-id` header).
 *
 * @example
 * ```ts
 * actAsMotoAccount(organizationsClient, '210987654321');
 * ```
 */
export function actAsMotoAccount<Input extends object, Output extends MetadataBearer>(
  client: Client<Input, Output, unknown>,
  accountId: string,
): void {
  client.middlewareStack.add(
    (next) => (args) => {
      if (hasHeaders(args.request)) args.request.headers['x-moto-account-id'] = accountId;
      return next(args);
    },
    { step: 'build', name: 'motoAccountId' },
  );
}

function baseConfig(endpoint: string, region: string) {
  return {
    endpoint,
    region,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    maxAttempts: 2,
  };
}

/**
 * Clients for moto, acting as `accountId` (default: a fresh random account).
 *
 * @example
 * ```ts
 * const moto = createMotoClients();
 * await moto.organizations.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
 * ```
 */
export function createMotoClients(
  accountId = randomAccountId(),
  options: EmulatorClientOptions = {},
): MotoClients {
  const config = baseConfig(
    options.endpoint ?? emulatorEndpoint('moto'),
    options.region ?? 'us-east-1',
  );
  const clients = {
    organizations: new OrganizationsClient(config),
    ssoAdmin: new SSOAdminClient(config),
    identityStore: new IdentitystoreClient(config),
    support: new SupportClient({ ...config, region: 'us-east-1' }),
    sns: new SNSClient(config),
    sqs: new SQSClient(config),
    secretsManager: new SecretsManagerClient(config),
  };
  actAsMotoAccount(clients.organizations, accountId);
  actAsMotoAccount(clients.ssoAdmin, accountId);
  actAsMotoAccount(clients.identityStore, accountId);
  actAsMotoAccount(clients.support, accountId);
  actAsMotoAccount(clients.sns, accountId);
  actAsMotoAccount(clients.sqs, accountId);
  actAsMotoAccount(clients.secretsManager, accountId);
  return { accountId, ...clients };
}

/**
 * Clients for DynamoDB Local. `namespace` (letters and digits only; others are dropped) becomes
 * the access key id: DynamoDB Local keeps one database per access key and region, so each
 * namespace sees only its own tables.
 *
 * @example
 * ```ts
 * const { dynamodb, documents } = createDynamoDbClients('rules-suite');
 * ```
 */
export function createDynamoDbClients(
  namespace = `ns${randomBytes(6).toString('hex')}`,
  options: EmulatorClientOptions = {},
): DynamoDbClients {
  const dynamodb = new DynamoDBClient({
    ...baseConfig(options.endpoint ?? emulatorEndpoint('dynamodb'), options.region ?? 'us-east-1'),
    credentials: {
      accessKeyId: namespace.replace(/[^A-Za-z0-9]/g, ''),
      secretAccessKey: 'testing',
    },
  });
  return { dynamodb, documents: DynamoDBDocumentClient.from(dynamodb) };
}

/**
 * AWS SDK clients of the handlers, each created once per container with the adapters' client
 * configuration (adaptive retries, product user agent) and the function's region and endpoint —
 * SSO Admin and the Identity Store in Identity Center's home region when it is configured.
 * One function per client, so a bundle contains only the clients its function uses.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { STSClient } from '@aws-sdk/client-sts';
import { SupportClient } from '@aws-sdk/client-support';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createClientConfig } from '@org/aws-adapters';
import type { AwsCredentialIdentityProvider, Client, MetadataBearer } from '@smithy/types';
import type { HandlerConfig } from '../config/handler-config';

/**
 * A hook run on every client once created (e.g. a middleware selecting an emulator account).
 */
export type ClientCustomizer = <Input extends object, Output extends MetadataBearer>(
  client: Client<Input, Output, unknown>,
) => void;

/**
 * Where clients connect: region (and Identity Center's, when not the function's), optional
 * endpoint, and the function name for the user agent.
 */
export interface ClientTarget {
  readonly config: Pick<HandlerConfig, 'region' | 'endpointUrl' | 'identityCenterRegion'>;
  readonly functionName: string;
  /** @default none */
  readonly customizeClient?: ClientCustomizer;
  /** Credentials other than the function role's (an assumed role). @default the function role */
  readonly credentials?: AwsCredentialIdentityProvider;
}

function clientConfig(target: ClientTarget, region = target.config.region, maxAttempts?: number) {
  return {
    ...createClientConfig({
      region,
      userAgent: target.functionName,
      ...(target.config.endpointUrl === undefined ? {} : { endpoint: target.config.endpointUrl }),
      ...(maxAttempts === undefined ? {} : { maxAttempts }),
    }),
    ...(target.credentials === undefined ? {} : { credentials: target.credentials }),
  };
}

/** Organizations (its API lives in us-east-1 whatever the function's region). */
export function organizationsClient(target: ClientTarget): OrganizationsClient {
  const client = new OrganizationsClient(clientConfig(target, 'us-east-1'));
  target.customizeClient?.(client);
  return client;
}

/** Identity Center's home region (`IDENTITY_CENTER_REGION`), else the function's. */
function identityCenterRegion(target: ClientTarget): string {
  return target.config.identityCenterRegion ?? target.config.region;
}

/**
 * SSO Admin, in Identity Center's home region. `maxAttempts: 1` when the caller retries itself
 * through the Identity Center quota (see `quotaAwareRetryPolicy`).
 */
export function ssoAdminClient(target: ClientTarget, maxAttempts?: number): SSOAdminClient {
  const client = new SSOAdminClient(
    clientConfig(target, identityCenterRegion(target), maxAttempts),
  );
  target.customizeClient?.(client);
  return client;
}

/** STS (assumes the Identity Center role), in the function's region whatever Identity Center's. */
export function stsClient(target: ClientTarget): STSClient {
  const client = new STSClient(clientConfig(target));
  target.customizeClient?.(client);
  return client;
}

/** Identity Store, in Identity Center's home region. */
export function identityStoreClient(target: ClientTarget): IdentitystoreClient {
  const client = new IdentitystoreClient(clientConfig(target, identityCenterRegion(target)));
  target.customizeClient?.(client);
  return client;
}

/** DynamoDB document client (plain JavaScript values, `undefined` removed). */
export function documentClient(target: ClientTarget): DynamoDBDocumentClient {
  const client = new DynamoDBClient(clientConfig(target));
  target.customizeClient?.(client);
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

/** SQS. */
export function sqsClient(target: ClientTarget): SQSClient {
  const client = new SQSClient(clientConfig(target));
  target.customizeClient?.(client);
  return client;
}

/** SNS. */
export function snsClient(target: ClientTarget): SNSClient {
  const client = new SNSClient(clientConfig(target));
  target.customizeClient?.(client);
  return client;
}

/** AWS Support (its API lives in us-east-1). */
export function supportClient(target: ClientTarget): SupportClient {
  const client = new SupportClient(clientConfig(target, 'us-east-1'));
  target.customizeClient?.(client);
  return client;
}

/** Secrets Manager (webhook signing secrets). */
export function secretsManagerClient(target: ClientTarget): SecretsManagerClient {
  const client = new SecretsManagerClient(clientConfig(target));
  target.customizeClient?.(client);
  return client;
}

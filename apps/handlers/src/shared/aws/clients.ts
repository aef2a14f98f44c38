/**
 * AWS SDK clients of the handlers, each created once per container with the adapters' client
 * configuration (adaptive retries, product user agent) and the function's region and endpoint.
 * One function per client, so a bundle contains only the clients its function uses.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { SupportClient } from '@aws-sdk/client-support';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createClientConfig } from '@org/aws-adapters';
import type { HandlerConfig } from '../config/handler-config';

/** Where clients connect: region, optional endpoint, and the function name for the user agent. */
export interface ClientTarget {
  readonly config: Pick<HandlerConfig, 'region' | 'endpointUrl'>;
  readonly functionName: string;
}

function clientConfig(target: ClientTarget, region = target.config.region, maxAttempts?: number) {
  return createClientConfig({
    region,
    userAgent: target.functionName,
    ...(target.config.endpointUrl === undefined ? {} : { endpoint: target.config.endpointUrl }),
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
  });
}

/** Organizations (its API lives in us-east-1 whatever the function's region). */
export const organizationsClient = (target: ClientTarget): OrganizationsClient =>
  new OrganizationsClient(clientConfig(target, 'us-east-1'));

/**
 * SSO Admin. `maxAttempts: 1` when the caller retries itself through the Identity Center quota
 * (see `quotaAwareRetryPolicy`).
 */
export const ssoAdminClient = (target: ClientTarget, maxAttempts?: number): SSOAdminClient =>
  new SSOAdminClient(clientConfig(target, target.config.region, maxAttempts));

/** Identity Store. */
export const identityStoreClient = (target: ClientTarget): IdentitystoreClient =>
  new IdentitystoreClient(clientConfig(target));

/** DynamoDB document client (plain JavaScript values, `undefined` removed). */
export const documentClient = (target: ClientTarget): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(new DynamoDBClient(clientConfig(target)), {
    marshallOptions: { removeUndefinedValues: true },
  });

/** SQS. */
export const sqsClient = (target: ClientTarget): SQSClient => new SQSClient(clientConfig(target));

/** SNS. */
export const snsClient = (target: ClientTarget): SNSClient => new SNSClient(clientConfig(target));

/** AWS Support (its API lives in us-east-1). */
export const supportClient = (target: ClientTarget): SupportClient =>
  new SupportClient(clientConfig(target, 'us-east-1'));

/** Secrets Manager (webhook signing secrets). */
export const secretsManagerClient = (target: ClientTarget): SecretsManagerClient =>
  new SecretsManagerClient(clientConfig(target));

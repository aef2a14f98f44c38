import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createClientConfig } from '@org/aws-adapters';

/** Where the live commands connect (`--region`, `--endpoint-url`, `--dynamodb-endpoint-url`). */
export interface AwsConnection {
  readonly region: string;
  /** Endpoint of every service (moto, VPC endpoints). @default the SDK's endpoints */
  readonly endpoint?: string;
  /** Endpoint of DynamoDB only (DynamoDB Local). @default `endpoint` */
  readonly dynamodbEndpoint?: string;
}

/** The AWS SDK clients the live commands use, created once per command run. */
export interface AwsClients {
  readonly organizations: OrganizationsClient;
  readonly ssoAdmin: SSOAdminClient;
  readonly identityStore: IdentitystoreClient;
  readonly documents: DynamoDBDocumentClient;
  /** DynamoDB itself, for table metadata (the rules table's tags). */
  readonly dynamodb: DynamoDBClient;
  readonly sqs: SQSClient;
}

/** Creates the clients for a connection (injected through `CliIo.aws` in tests). */
export type AwsClientFactory = (connection: AwsConnection) => AwsClients;

/**
 * The real clients: the default credential chain, the adapters' client configuration (adaptive
 * retries, product user agent `org-governance/<version> orgctl`) and the endpoint overrides.
 *
 * @example
 * ```ts
 * const clients = createAwsClients({ region: 'us-east-1', endpoint: 'http://127.0.0.1:5000' });
 * ```
 */
export function createAwsClients(connection: AwsConnection): AwsClients {
  const config = createClientConfig({
    region: connection.region,
    userAgent: 'orgctl',
    ...(connection.endpoint === undefined ? {} : { endpoint: connection.endpoint }),
  });
  const dynamodbEndpoint = connection.dynamodbEndpoint ?? connection.endpoint;
  const dynamodb = new DynamoDBClient({
    ...config,
    ...(dynamodbEndpoint === undefined ? {} : { endpoint: dynamodbEndpoint }),
  });
  return {
    organizations: new OrganizationsClient(config),
    ssoAdmin: new SSOAdminClient(config),
    identityStore: new IdentitystoreClient(config),
    documents: DynamoDBDocumentClient.from(dynamodb),
    dynamodb,
    sqs: new SQSClient(config),
  };
}

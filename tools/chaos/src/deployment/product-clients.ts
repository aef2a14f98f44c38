/**
 * AWS SDK clients for the product code the chaos run wires itself (`orgctl rules apply`): the
 * adapters' client configuration, acting as the moto management account, DynamoDB on DynamoDB
 * Local, and the chaos edge in front of every call.
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
import { actAsMotoAccount } from '@org/emulators';
import type { ChaosEdge } from '../edge/chaos-edge';
import type { SimulatedContainer } from '../edge/simulated-container';

/**
 * The emulator credentials of every client of the run (DynamoDB Local keeps one database per
 * access key, so the functions — default credential chain — and the harness must agree).
 */
export const EMULATOR_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };

/** Where the emulators listen and who the product acts as. */
export interface EmulatorTarget {
  readonly motoEndpoint: string;
  readonly dynamodbEndpoint: string;
  readonly managementAccountId: string;
}

/** The clients of one container. */
export interface ProductClients {
  readonly organizations: OrganizationsClient;
  readonly ssoAdmin: SSOAdminClient;
  readonly identityStore: IdentitystoreClient;
  readonly documents: DynamoDBDocumentClient;
  readonly sqs: SQSClient;
  readonly sns: SNSClient;
  readonly support: SupportClient;
  readonly secretsManager: SecretsManagerClient;
}

function config(endpoint: string, functionName: string) {
  return {
    ...createClientConfig({ region: 'us-east-1', endpoint, userAgent: functionName }),
    credentials: EMULATOR_CREDENTIALS,
  };
}

/**
 * Creates a container's clients, each behind the chaos edge.
 *
 * @example
 * ```ts
 * const clients = productClients(target, edge, new SimulatedContainer('orgctl#1'), 'orgctl');
 * ```
 */
export function productClients(
  target: EmulatorTarget,
  edge: ChaosEdge,
  container: SimulatedContainer,
  functionName: string,
): ProductClients {
  const moto = config(target.motoEndpoint, functionName);
  const organizations = new OrganizationsClient(moto);
  const ssoAdmin = new SSOAdminClient(moto);
  const identityStore = new IdentitystoreClient(moto);
  const sqs = new SQSClient(moto);
  const sns = new SNSClient(moto);
  const support = new SupportClient(moto);
  const secretsManager = new SecretsManagerClient(moto);
  const dynamodb = new DynamoDBClient(config(target.dynamodbEndpoint, functionName));
  const account = target.managementAccountId;
  actAsMotoAccount(organizations, account);
  actAsMotoAccount(ssoAdmin, account);
  actAsMotoAccount(identityStore, account);
  actAsMotoAccount(sqs, account);
  actAsMotoAccount(sns, account);
  actAsMotoAccount(support, account);
  actAsMotoAccount(secretsManager, account);
  edge.install(organizations, container);
  edge.install(ssoAdmin, container);
  edge.install(identityStore, container);
  edge.install(sqs, container);
  edge.install(sns, container);
  edge.install(support, container);
  edge.install(secretsManager, container);
  edge.install(dynamodb, container);
  const documents = DynamoDBDocumentClient.from(dynamodb, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return { organizations, ssoAdmin, identityStore, documents, sqs, sns, support, secretsManager };
}

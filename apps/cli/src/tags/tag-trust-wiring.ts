/**
 * The AWS clients and adapters of `orgctl tags trust-existing`, loaded on first use (like
 * `connect`): Organizations (the accounts and their tags), STS (who runs the command), the rules
 * table (the governed tag keys) and the tag ledger table.
 */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { createClientConfig } from '@org/aws-adapters';
import { DynamoDbRulesRepository, DynamoDbTagLedgerStore } from '@org/aws-adapters/dynamodb';
import { OrganizationsAdapter } from '@org/aws-adapters/organizations';
import type { CliIo } from '../io/cli-io';
import { type AwsConnection, createAwsClients } from '../live/aws-clients';
import type { TrustExistingPorts } from './trust-existing';

/**
 * The ports of `orgctl tags trust-existing` over clients created once (`io.aws` in tests).
 *
 * @example
 * ```ts
 * const ports = connectTagTrust(io, connection, 'org-governance-tag-ledger');
 * ```
 */
export function connectTagTrust(
  io: CliIo,
  connection: AwsConnection,
  tagLedgerTable: string,
): TrustExistingPorts {
  const clients = (io.aws ?? createAwsClients)(connection);
  const sts = new STSClient(
    createClientConfig({
      region: connection.region,
      userAgent: 'orgctl',
      ...(connection.endpoint === undefined ? {} : { endpoint: connection.endpoint }),
    }),
  );
  return {
    organizations: new OrganizationsAdapter(clients.organizations),
    ledger: new DynamoDbTagLedgerStore(clients.documents, { tableName: tagLedgerTable }),
    rules: (tableName) => new DynamoDbRulesRepository(clients.documents, { tableName }),
    callerArn: async () => {
      const identity = await sts.send(new GetCallerIdentityCommand({}));
      return identity.Arn ?? 'unknown';
    },
  };
}

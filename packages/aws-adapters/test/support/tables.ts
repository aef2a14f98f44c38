/**
 * Creates the four tables in DynamoDB Local (TTL enabled where the design has it).
 */
import {
  CreateTableCommand,
  type DynamoDBClient,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import {
  AUDIT_LOG_TABLE,
  createTableInput,
  IDEMPOTENCY_TABLE,
  PROVISIONED_STATE_TABLE,
  RULES_TABLE,
  type TableDesign,
} from '../../src/dynamodb';

/** Table names used by the integration tests. */
export const TABLES = {
  rules: 'governance-rules',
  provisioned: 'provisioned-state',
  audit: 'audit-log',
  idempotency: 'idempotency',
} as const;

const DESIGNS: Record<keyof typeof TABLES, TableDesign> = {
  rules: RULES_TABLE,
  provisioned: PROVISIONED_STATE_TABLE,
  audit: AUDIT_LOG_TABLE,
  idempotency: IDEMPOTENCY_TABLE,
};

/** Creates every table with its design. */
export async function createTables(client: DynamoDBClient): Promise<void> {
  for (const [key, name] of Object.entries(TABLES) as [keyof typeof TABLES, string][]) {
    const design = DESIGNS[key];
    await client.send(new CreateTableCommand(createTableInput(design, name)));
    if (design.ttlAttribute) {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: name,
          TimeToLiveSpecification: { Enabled: true, AttributeName: design.ttlAttribute },
        }),
      );
    }
  }
}

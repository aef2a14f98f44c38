/**
 * A DynamoDB `CreateTable` request for a design, in the SDK's input shape (structurally the
 * `CreateTableCommandInput` of `@aws-sdk/client-dynamodb`, without depending on it).
 */
import type { TableDesign } from './table-designs';

/** A key element of a table or index. */
export interface KeySchemaElementInput {
  AttributeName: string;
  KeyType: 'HASH' | 'RANGE';
}

/** An on-demand `CreateTable` request with string keys. */
export interface CreateTableInput {
  TableName: string;
  BillingMode: 'PAY_PER_REQUEST';
  AttributeDefinitions: { AttributeName: string; AttributeType: 'S' }[];
  KeySchema: KeySchemaElementInput[];
  GlobalSecondaryIndexes?: {
    IndexName: string;
    KeySchema: KeySchemaElementInput[];
    Projection: { ProjectionType: 'ALL' };
  }[];
}

/**
 * The `CreateTable` input (on-demand) of a design, for tests, local runs and scripts. The TTL is
 * a separate `UpdateTimeToLive` call in DynamoDB (`design.ttlAttribute`).
 *
 * @example
 * ```ts
 * await client.send(new CreateTableCommand(createTableInput(TABLE_DESIGNS.rules, 'rules')));
 * ```
 */
export function createTableInput(design: TableDesign, tableName: string): CreateTableInput {
  const keyNames = [
    design.partitionKey,
    ...(design.sortKey === undefined ? [] : [design.sortKey]),
    ...design.globalIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  const keySchema = (partitionKey: string, sortKey?: string): KeySchemaElementInput[] => [
    { AttributeName: partitionKey, KeyType: 'HASH' },
    ...(sortKey === undefined ? [] : [{ AttributeName: sortKey, KeyType: 'RANGE' as const }]),
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...new Set(keyNames)].map((name) => ({
      AttributeName: name,
      AttributeType: 'S',
    })),
    KeySchema: keySchema(design.partitionKey, design.sortKey),
    ...(design.globalIndexes.length === 0
      ? {}
      : {
          GlobalSecondaryIndexes: design.globalIndexes.map((index) => ({
            IndexName: index.indexName,
            KeySchema: keySchema(index.partitionKey, index.sortKey),
            Projection: { ProjectionType: 'ALL' },
          })),
        }),
  };
}

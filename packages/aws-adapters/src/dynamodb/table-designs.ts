/**
 * Key designs of the four tables (documented in the package README). Every table is on-demand
 * with string keys; the construct creates them, tests create them in DynamoDB Local.
 */
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/** A global secondary index (projection ALL). */
export interface IndexDesign {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

/** A table's keys, indexes and TTL attribute. */
export interface TableDesign {
  readonly partitionKey: string;
  readonly sortKey?: string;
  readonly globalIndexes: readonly IndexDesign[];
  /** Attribute holding the expiry in epoch seconds, when items expire. */
  readonly ttlAttribute?: string;
}

/** Rules: `pk=CONFIG/sk=CURRENT` pointer + `pk=GEN#<generation>` rule items; GSI by scope. */
export const RULES_TABLE: TableDesign = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalIndexes: [{ indexName: 'byScope', partitionKey: 'scopeKey', sortKey: 'scopeSort' }],
};

/** Provisioned state: `pk=ACCOUNT#<id>`, `sk=ITEM#…` items and `sk=TAG#<key>#ITEM#…` copies. */
export const PROVISIONED_STATE_TABLE: TableDesign = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalIndexes: [],
};

/** Audit log: `pk=EVENT#<eventId>`, `sk=<at>#<unique>`, TTL on `expiresAt`. */
export const AUDIT_LOG_TABLE: TableDesign = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalIndexes: [],
  ttlAttribute: 'expiresAt',
};

/** Idempotency markers: `pk=MARKER#<key>`, TTL on `expiresAt`. */
export const IDEMPOTENCY_TABLE: TableDesign = {
  partitionKey: 'pk',
  globalIndexes: [],
  ttlAttribute: 'expiresAt',
};

/**
 * A `CreateTable` input (on-demand) for a design, for tests, local runs and scripts.
 *
 * @example
 * ```ts
 * await client.send(new CreateTableCommand(createTableInput(RULES_TABLE, 'rules')));
 * ```
 */
export function createTableInput(design: TableDesign, tableName: string): CreateTableCommandInput {
  const keyNames = [
    design.partitionKey,
    ...(design.sortKey ? [design.sortKey] : []),
    ...design.globalIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...new Set(keyNames)].map((name) => ({
      AttributeName: name,
      AttributeType: 'S',
    })),
    KeySchema: [
      { AttributeName: design.partitionKey, KeyType: 'HASH' },
      ...(design.sortKey ? [{ AttributeName: design.sortKey, KeyType: 'RANGE' as const }] : []),
    ],
    ...(design.globalIndexes.length === 0
      ? {}
      : {
          GlobalSecondaryIndexes: design.globalIndexes.map((index) => ({
            IndexName: index.indexName,
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
              { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
            ],
            Projection: { ProjectionType: 'ALL' as const },
          })),
        }),
  };
}

/**
 * `IdempotencyStore` on DynamoDB: a conditional put claims a marker exactly once.
 */
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { IdempotencyStore } from '@org/scope-engine';
import { awsErrorName, callAws, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../retry';
import type { TableAccess } from './document-calls';

/** Options of {@link DynamoDbIdempotencyStore}. */
export interface DynamoDbIdempotencyStoreOptions {
  readonly tableName: string;
  /** Markers expire after this many seconds (TTL `expiresAt`). @default never */
  readonly ttlSeconds?: number;
  /** Our retries on top of the SDK's. @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
  /** Clock in epoch milliseconds. @default Date.now */
  readonly now?: () => number;
}

/**
 * Idempotency markers. An expired marker (TTL deletion is lazy) can be claimed again.
 *
 * @example
 * ```ts
 * const markers = new DynamoDbIdempotencyStore(documentClient, { tableName: 'idempotency' });
 * if (await markers.claim(`supportCase#${accountId}#ams-onboarding`)) await openCase();
 * ```
 */
export class DynamoDbIdempotencyStore implements IdempotencyStore {
  private readonly table: TableAccess;
  private readonly ttlSeconds: number | undefined;
  private readonly now: () => number;

  constructor(client: DynamoDBDocumentClient, options: DynamoDbIdempotencyStoreOptions) {
    this.table = {
      client,
      tableName: options.tableName,
      retryPolicy: options.retryPolicy ?? DEFAULT_RETRY_POLICY,
    };
    this.ttlSeconds = options.ttlSeconds;
    this.now = options.now ?? Date.now;
  }

  /** @inheritdoc */
  claim(key: string): Promise<boolean> {
    const nowSeconds = Math.floor(this.now() / 1000);
    return callAws(
      { operation: 'PutItem', tableName: this.table.tableName },
      async () => {
        try {
          await this.table.client.send(
            new PutCommand({
              TableName: this.table.tableName,
              Item: {
                pk: `MARKER#${key}`,
                claimedAt: new Date(this.now()).toISOString(),
                ...(this.ttlSeconds === undefined
                  ? {}
                  : { expiresAt: nowSeconds + this.ttlSeconds }),
              },
              ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
              ExpressionAttributeValues: { ':now': nowSeconds },
            }),
          );
          return true;
        } catch (error) {
          if (awsErrorName(error) === 'ConditionalCheckFailedException') return false;
          throw error;
        }
      },
      this.table.retryPolicy,
    );
  }

  /** @inheritdoc */
  async release(key: string): Promise<void> {
    await callAws(
      { operation: 'DeleteItem', tableName: this.table.tableName },
      () =>
        this.table.client.send(
          new DeleteCommand({ TableName: this.table.tableName, Key: { pk: `MARKER#${key}` } }),
        ),
      this.table.retryPolicy,
    );
  }
}

/**
 * `IdempotencyStore` on DynamoDB: a conditional put claims a marker exactly once; the same table
 * also holds two-phase markers ({@link TwoPhaseMarkerStore}).
 */
import { randomUUID } from 'node:crypto';
import { DeleteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { IdempotencyStore } from '@org/governance-runtime';
import type { MarkerClaim, TwoPhaseMarkerStore } from '../markers';
import { callAws, type RetryPolicy } from '../retry';
import { conditionalPut, tableAccess, type TableAccess } from './document-calls';
import {
  abandonMarker,
  beginMarker,
  completeMarker,
  type MarkerClock,
} from './two-phase-marker-calls';

/** Options of {@link DynamoDbIdempotencyStore}. */
export interface DynamoDbIdempotencyStoreOptions {
  readonly tableName: string;
  /** Markers expire after this many seconds (TTL `expiresAt`). @default never */
  readonly ttlSeconds?: number;
  /** Our retries on top of the SDK's. @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
  /** Clock in epoch milliseconds. @default Date.now */
  readonly now?: () => number;
  /** Claim tokens of two-phase markers. @default crypto.randomUUID */
  readonly newToken?: () => string;
}

/**
 * Idempotency markers. An expired marker (TTL deletion is lazy) can be claimed again.
 * One-phase (`claim` / `release`) for side effects that may be lost on a crash, two-phase
 * (`begin` / `complete` / `abandon`, with a lease) for those that must happen.
 *
 * @example
 * ```ts
 * const markers = new DynamoDbIdempotencyStore(documentClient, { tableName: 'idempotency' });
 * if (await markers.claim(`webhook#${eventId}`)) await deliver();
 * const claim = await markers.begin(`supportCase#${accountId}#ams-onboarding`, 900_000);
 * ```
 */
export class DynamoDbIdempotencyStore implements IdempotencyStore, TwoPhaseMarkerStore {
  private readonly table: TableAccess;
  private readonly ttlSeconds: number | undefined;
  private readonly now: () => number;
  private readonly clock: MarkerClock;

  constructor(client: DynamoDBDocumentClient, options: DynamoDbIdempotencyStoreOptions) {
    this.table = tableAccess(client, options);
    this.ttlSeconds = options.ttlSeconds;
    this.now = options.now ?? Date.now;
    this.clock = {
      now: this.now,
      ttlSeconds: options.ttlSeconds,
      newToken: options.newToken ?? randomUUID,
    };
  }

  /** {@inheritDoc TwoPhaseMarkerStore.begin} */
  begin(key: string, leaseMs: number): Promise<MarkerClaim> {
    return beginMarker(this.table, key, leaseMs, this.clock);
  }

  /** {@inheritDoc TwoPhaseMarkerStore.complete} */
  complete(key: string, token: string, result: string): Promise<boolean> {
    return completeMarker(this.table, key, token, result, this.clock);
  }

  /** {@inheritDoc TwoPhaseMarkerStore.abandon} */
  abandon(key: string, token: string): Promise<void> {
    return abandonMarker(this.table, key, token);
  }

  /** @inheritdoc */
  claim(key: string): Promise<boolean> {
    const nowSeconds = Math.floor(this.now() / 1000);
    return conditionalPut(this.table, () => ({
      Item: {
        pk: `MARKER#${key}`,
        claimedAt: new Date(this.now()).toISOString(),
        ...(this.ttlSeconds === undefined ? {} : { expiresAt: nowSeconds + this.ttlSeconds }),
      },
      ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
      ExpressionAttributeValues: { ':now': nowSeconds },
    }));
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

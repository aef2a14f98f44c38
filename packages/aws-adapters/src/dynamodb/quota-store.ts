import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { TABLE_DESIGNS } from '@org/contracts';
import {
  decideLease,
  EMPTY_LEASE_TABLE,
  type LeaseRequest,
  type LeaseTable,
  type QuotaStore,
} from '@org/governance-runtime';

/** Key and TTL attributes of the idempotency table (the adapters' design). */
const KEY = TABLE_DESIGNS.idempotency.partitionKey;
const TTL = TABLE_DESIGNS.idempotency.ttlAttribute;

/** Options of {@link DynamoDbQuotaStore}. */
export interface DynamoDbQuotaStoreOptions {
  /** The idempotency table (the contract's `TABLE_DESIGNS.idempotency`). */
  readonly tableName: string;
  /** Prefix of the items' ids, one per Identity Center instance. @default `quota#identity-center` */
  readonly keyPrefix?: string;
  /** Compare-and-swap attempts per acquisition before treating the slot as busy. @default 5 */
  readonly casAttempts?: number;
}

/** `true` when a conditional write lost its race. */
function lostRace(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error instanceof Error && error.name === 'ConditionalCheckFailedException')
  );
}

/**
 * A {@link QuotaStore} in DynamoDB, shared by every worker container. Rate windows are items
 * with an atomic conditional counter; the outstanding-creation semaphore is one item holding the
 * {@link LeaseTable} (leases and the waiting line), changed by compare-and-swap on a version
 * number. Items expire through the table's TTL.
 *
 * @example
 * ```ts
 * const store = new DynamoDbQuotaStore(documentClient, { tableName: config.idempotencyTable });
 * const quota = new IdentityCenterQuota(store, systemClock);
 * ```
 */
export class DynamoDbQuotaStore implements QuotaStore {
  private readonly tableName: string;
  private readonly prefix: string;
  private readonly casAttempts: number;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    options: DynamoDbQuotaStoreOptions,
  ) {
    this.tableName = options.tableName;
    this.prefix = options.keyPrefix ?? 'quota#identity-center';
    this.casAttempts = options.casAttempts ?? 5;
  }

  /** {@inheritDoc QuotaStore.tryTakeToken} */
  async tryTakeToken(windowId: number, limit: number, bucket?: string): Promise<boolean> {
    // The default bucket keeps the prefix's own key; other service budgets count beside it.
    const counter = bucket === undefined ? this.prefix : `quota#${bucket}`;
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { [KEY]: `${counter}#rate#${windowId}` },
          UpdateExpression: 'ADD tokens :one SET #ttl = :expiration',
          ExpressionAttributeNames: { '#ttl': TTL },
          ConditionExpression: 'attribute_not_exists(tokens) OR tokens < :limit',
          ExpressionAttributeValues: {
            ':one': 1,
            ':limit': limit,
            ':expiration': Math.ceil(Date.now() / 1000) + 3600,
          },
        }),
      );
      return true;
    } catch (error) {
      if (lostRace(error)) return false;
      throw error;
    }
  }

  /** {@inheritDoc QuotaStore.tryAcquireLease} */
  async tryAcquireLease(request: LeaseRequest): Promise<boolean> {
    for (let attempt = 0; attempt < this.casAttempts; attempt += 1) {
      const current = await this.readTable();
      const before = current?.table ?? EMPTY_LEASE_TABLE;
      const { table, granted } = decideLease(before, request);
      if (!granted && JSON.stringify(table) === JSON.stringify(before)) {
        return false;
      }
      if (await this.writeTable(table, current?.version ?? null)) {
        return granted;
      }
    }
    return false;
  }

  /** {@inheritDoc QuotaStore.releaseLease} (one atomic update: a release never loses a race). */
  async releaseLease(leaseId: string): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { [KEY]: `${this.prefix}#creates` },
          UpdateExpression: 'REMOVE leases.#lease SET version = version + :one',
          ConditionExpression: 'attribute_exists(leases.#lease)',
          ExpressionAttributeNames: { '#lease': leaseId },
          ExpressionAttributeValues: { ':one': 1 },
        }),
      );
    } catch (error) {
      if (!lostRace(error)) throw error;
    }
  }

  private async readTable(): Promise<{ table: LeaseTable; version: number } | null> {
    const { Item } = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { [KEY]: `${this.prefix}#creates` },
        ConsistentRead: true,
      }),
    );
    if (Item === undefined) return null;
    return {
      table: {
        leases: (Item['leases'] ?? {}) as LeaseTable['leases'],
        waiters: (Item['waiters'] ?? {}) as LeaseTable['waiters'],
      },
      version: Number(Item['version'] ?? 0),
    };
  }

  /** Writes the table if nobody changed it since `version` was read. */
  private async writeTable(table: LeaseTable, version: number | null): Promise<boolean> {
    const expiries = Object.values(table.leases);
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            [KEY]: `${this.prefix}#creates`,
            leases: table.leases,
            waiters: table.waiters,
            version: (version ?? 0) + 1,
            [TTL]: Math.ceil(Math.max(Date.now(), ...expiries) / 1000) + 86_400,
          },
          ...(version === null
            ? {
                ConditionExpression: 'attribute_not_exists(#key)',
                ExpressionAttributeNames: { '#key': KEY },
              }
            : {
                ConditionExpression: 'version = :version',
                ExpressionAttributeValues: { ':version': version },
              }),
        }),
      );
      return true;
    } catch (error) {
      if (lostRace(error)) return false;
      throw error;
    }
  }
}

/**
 * `ReconcileRunStore` in DynamoDB: a run's documents as gzipped JSON, cut into items under the
 * item size limit, expiring through the table's TTL.
 */
import { type DynamoDBDocumentClient, BatchGetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { TABLE_DESIGNS } from '@org/contracts';
import type { ReconcileRunStore } from '@org/governance-runtime';
import { gunzipSync, gzipSync } from 'node:zlib';

const KEY = TABLE_DESIGNS.idempotency.partitionKey;
const TTL = TABLE_DESIGNS.idempotency.ttlAttribute;
/** Bytes of gzipped JSON per item (DynamoDB's item limit is 400 KB). */
const CHUNK_BYTES = 350_000;

/** Options of {@link DynamoDbRunStore}. */
export interface DynamoDbRunStoreOptions {
  /** The idempotency table (a partition key and a TTL attribute). */
  readonly tableName: string;
  /** How long a run's documents are kept. @default 7 days */
  readonly ttlSeconds?: number;
  /** Clock in epoch ms (TTL). @default Date.now */
  readonly now?: () => number;
}

/**
 * Keeps a sharded reconcile's checkpoints between invocations: each document is gzipped JSON in
 * items `reconcile-run#<run>#<name>#<part>` (the head item, part 0, holds the part count).
 *
 * @example
 * ```ts
 * const runs = new DynamoDbRunStore(documents, { tableName: config.idempotencyTable });
 * ```
 */
export class DynamoDbRunStore implements ReconcileRunStore {
  private readonly ttlSeconds: number;
  private readonly now: () => number;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly options: DynamoDbRunStoreOptions,
  ) {
    this.ttlSeconds = options.ttlSeconds ?? 7 * 24 * 3600;
    this.now = options.now ?? Date.now;
  }

  private key(runId: string, name: string, part: number): string {
    return `reconcile-run#${runId}#${name}#${part}`;
  }

  /** {@inheritDoc ReconcileRunStore.put} (later parts first, the head last: a reader sees whole documents) */
  async put(runId: string, name: string, value: unknown): Promise<void> {
    const packed = gzipSync(Buffer.from(JSON.stringify(value)));
    const parts = Math.max(1, Math.ceil(packed.length / CHUNK_BYTES));
    const expires = Math.ceil(this.now() / 1000) + this.ttlSeconds;
    for (let part = parts - 1; part >= 0; part -= 1) {
      await this.client.send(
        new PutCommand({
          TableName: this.options.tableName,
          Item: {
            [KEY]: this.key(runId, name, part),
            data: packed.subarray(part * CHUNK_BYTES, (part + 1) * CHUNK_BYTES),
            ...(part === 0 ? { parts } : {}),
            [TTL]: expires,
          },
        }),
      );
    }
  }

  /** {@inheritDoc ReconcileRunStore.get} */
  async get<T>(runId: string, name: string): Promise<T | undefined> {
    const head = await this.read([this.key(runId, name, 0)]);
    const first = head[0];
    if (first === undefined) return undefined;
    const parts = Number(first['parts'] ?? 1);
    const rest =
      parts > 1
        ? await this.read(Array.from({ length: parts - 1 }, (_, i) => this.key(runId, name, i + 1)))
        : [];
    const byKey = new Map([first, ...rest].map((item) => [String(item[KEY]), item['data']]));
    const chunks = Array.from({ length: parts }, (_, part) => {
      const data = byKey.get(this.key(runId, name, part));
      if (!(data instanceof Uint8Array)) {
        throw new Error(`reconcile run ${runId}: part ${part} of ${name} is missing`);
      }
      return data;
    });
    return JSON.parse(gunzipSync(Buffer.concat(chunks)).toString('utf8')) as T;
  }

  /** Reads items by key (consistent reads, 100 keys per request, unprocessed keys retried). */
  private async read(keys: readonly string[]): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    for (let start = 0; start < keys.length; start += 100) {
      let pending: Record<string, unknown>[] = keys
        .slice(start, start + 100)
        .map((key) => ({ [KEY]: key }));
      while (pending.length > 0) {
        const output = await this.client.send(
          new BatchGetCommand({
            RequestItems: { [this.options.tableName]: { Keys: pending, ConsistentRead: true } },
          }),
        );
        items.push(...(output.Responses?.[this.options.tableName] ?? []));
        pending = output.UnprocessedKeys?.[this.options.tableName]?.Keys ?? [];
      }
    }
    return items;
  }
}

/**
 * The tag ledger on DynamoDB: one item per account and tag key (`pk=ACCOUNT#<id>`,
 * `sk=TAG#<key>`) holding who last set or removed the tag and when.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TagLedger, TagLedgerChange, TagLedgerRecord } from '@org/governance-runtime';
import {
  conditionalPut,
  queryAll,
  scanAll,
  type StoredItem,
  type TableAccess,
  tableAccess,
} from './document-calls';
import { UnexpectedResponseError } from '../errors';
import type { RetryPolicy } from '../retry';

/** Options of {@link DynamoDbTagLedgerStore}. */
export interface DynamoDbTagLedgerStoreOptions {
  /** The tag ledger table (the contract's `TABLE_DESIGNS.tagLedger`). */
  readonly tableName: string;
  /** Our retries on top of the SDK's. @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
  /** Accounts queried at once by `entriesFor`. @default 8 */
  readonly concurrency?: number;
}

/** The partition of an account's ledger items. */
export function tagLedgerPartition(accountId: string): string {
  return `ACCOUNT#${accountId}`;
}

/** The sort key of one tag's ledger item. */
export function tagLedgerSortKey(key: string): string {
  return `TAG#${key}`;
}

/** The item of one change: `value` absent and `removed` true when the tag was removed. */
function itemOf(change: TagLedgerChange): StoredItem {
  return {
    pk: tagLedgerPartition(change.accountId),
    sk: tagLedgerSortKey(change.key),
    accountId: change.accountId,
    key: change.key,
    ...(change.value === null ? { removed: true } : { value: change.value, removed: false }),
    setBy: change.setBy,
    setAt: change.setAt,
  };
}

/** The record of a stored item, or `null` for a removed tag. */
function recordOf(item: StoredItem, tableName: string): TagLedgerRecord | null {
  const context = { operation: 'Query', tableName };
  const text = (field: string): string => {
    const value = item[field];
    if (typeof value !== 'string') {
      throw new UnexpectedResponseError(`tag ledger item: ${field} is not a string`, { context });
    }
    return value;
  };
  if (item['removed'] === true) return null;
  return {
    accountId: text('accountId'),
    key: text('key'),
    value: text('value'),
    setBy: text('setBy'),
    setAt: text('setAt'),
  };
}

/**
 * A {@link TagLedger} on DynamoDB. `record` writes each change with a conditional put that keeps
 * the newest change per account and key (an older, late event is dropped); `entriesFor` queries
 * each account's partition, `entriesForAll` scans the table (every page).
 *
 * @example
 * ```ts
 * const ledger = new DynamoDbTagLedgerStore(documents, { tableName: process.env.TAG_LEDGER_TABLE });
 * await ledger.record([{ accountId, key: 'env', value: 'prod', setBy: arn, setAt }]);
 * ```
 */
export class DynamoDbTagLedgerStore implements TagLedger {
  private readonly table: TableAccess;
  private readonly concurrency: number;

  constructor(client: DynamoDBDocumentClient, options: DynamoDbTagLedgerStoreOptions) {
    this.table = tableAccess(client, options);
    this.concurrency = Math.max(1, options.concurrency ?? 8);
  }

  /** {@inheritDoc TagLedger.record} */
  async record(changes: readonly TagLedgerChange[]): Promise<void> {
    for (const change of changes) {
      await conditionalPut(this.table, () => ({
        Item: itemOf(change),
        ConditionExpression: 'attribute_not_exists(pk) OR setAt <= :at',
        ExpressionAttributeValues: { ':at': change.setAt },
      }));
    }
  }

  /** {@inheritDoc TagLedger.entriesFor} */
  async entriesFor(accountIds: readonly string[]): Promise<readonly TagLedgerRecord[]> {
    const unique = [...new Set(accountIds)];
    const results: TagLedgerRecord[][] = [];
    for (let start = 0; start < unique.length; start += this.concurrency) {
      const chunk = unique.slice(start, start + this.concurrency);
      results.push(
        ...(await Promise.all(
          chunk.map(async (accountId) =>
            this.records(
              await queryAll(this.table, {
                KeyConditionExpression: 'pk = :pk',
                ExpressionAttributeValues: { ':pk': tagLedgerPartition(accountId) },
              }),
            ),
          ),
        )),
      );
    }
    return results.flat();
  }

  /** {@inheritDoc TagLedger.entriesForAll} */
  async entriesForAll(): Promise<readonly TagLedgerRecord[]> {
    return this.records(await scanAll(this.table, {}));
  }

  private records(items: readonly StoredItem[]): TagLedgerRecord[] {
    return items.flatMap((item) => {
      const record = recordOf(item, this.table.tableName);
      return record === null ? [] : [record];
    });
  }
}

/**
 * `ProvisionedStateRepository` on DynamoDB, with optimistic concurrency: every change reads the
 * item, then writes it and its tag copies in one transaction conditioned on the version it read.
 * A lost race is retried from a fresh read, so concurrent workers never lose an update.
 */
import {
  type DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type {
  ProvisionedAccountState,
  ProvisionedItem,
  ProvisionedItemKey,
  ProvisionedStateRepository,
} from '@org/governance-runtime';
import { VersionConflictError } from '../errors';
import { backoff, callAws, type RetryPolicy } from '../retry';
import { compareStrings } from '../util';
import {
  batchWriteAll,
  isConditionalFailure,
  queryAll,
  scanAll,
  type StoredItem,
  type TableAccess,
  tableAccess,
} from './document-calls';
import {
  accountPk,
  itemAttributes,
  itemSk,
  mergeSorted,
  tagPrefix,
  tagSk,
  toProvisionedItem,
} from './provisioned-keys';

/** Options of {@link DynamoDbProvisionedStateRepository}. */
export interface DynamoDbProvisionedStateRepositoryOptions {
  readonly tableName: string;
  /** Our retries on top of the SDK's. @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
  /** Attempts when another writer changed the item first. @default 10 */
  readonly maxConflictAttempts?: number;
  /** Clock for `updatedAt`. @default () => new Date() */
  readonly now?: () => Date;
}

type Change =
  { readonly kind: 'apply'; readonly item: ProvisionedItem } | { readonly kind: 'remove' };

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/**
 * Per-account provisioned state (table design in the package README).
 *
 * @example
 * ```ts
 * const state = new DynamoDbProvisionedStateRepository(documentClient, { tableName: 'provisioned' });
 * await state.recordApplied('222222222222', { kind: 'attachment', policyId: 'p-1', ruleIds: ['r'], tagKeys: [] });
 * ```
 */
export class DynamoDbProvisionedStateRepository implements ProvisionedStateRepository {
  private readonly table: TableAccess;
  private readonly maxConflictAttempts: number;
  private readonly now: () => Date;

  constructor(client: DynamoDBDocumentClient, options: DynamoDbProvisionedStateRepositoryOptions) {
    this.table = tableAccess(client, options);
    this.maxConflictAttempts = options.maxConflictAttempts ?? 10;
    this.now = options.now ?? (() => new Date());
  }

  /** @inheritdoc */
  async getAccount(accountId: string): Promise<ProvisionedAccountState> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :item)',
      ExpressionAttributeValues: { ':pk': accountPk(accountId), ':item': 'ITEM#' },
      ConsistentRead: true,
    });
    return { accountId, items: items.map(toProvisionedItem) };
  }

  /** @inheritdoc */
  async findByTagKey(accountId: string, tagKey: string): Promise<readonly ProvisionedItem[]> {
    const copies = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :tag)',
      ExpressionAttributeValues: { ':pk': accountPk(accountId), ':tag': tagPrefix(tagKey) },
      ConsistentRead: true,
    });
    return copies.map(toProvisionedItem);
  }

  /** @inheritdoc */
  async listAll(): Promise<readonly ProvisionedAccountState[]> {
    const items = await scanAll(this.table, {
      FilterExpression: 'begins_with(sk, :item)',
      ExpressionAttributeValues: { ':item': 'ITEM#' },
      ConsistentRead: true,
    });
    const byAccount = new Map<string, StoredItem[]>();
    for (const item of items) {
      const accountId = String(item['accountId']);
      byAccount.set(accountId, [...(byAccount.get(accountId) ?? []), item]);
    }
    return [...byAccount.entries()]
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([accountId, stored]) => ({
        accountId,
        items: stored
          .sort((a, b) => compareStrings(String(a['sk']), String(b['sk'])))
          .map(toProvisionedItem),
      }));
  }

  /** @inheritdoc */
  recordApplied(accountId: string, item: ProvisionedItem): Promise<void> {
    return this.change(accountId, item, { kind: 'apply', item });
  }

  /** @inheritdoc */
  recordRemoved(accountId: string, key: ProvisionedItemKey): Promise<void> {
    return this.change(accountId, key, { kind: 'remove' });
  }

  /** @inheritdoc */
  async forgetAccount(accountId: string): Promise<void> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': accountPk(accountId) },
      ProjectionExpression: 'pk, sk',
      ConsistentRead: true,
    });
    await batchWriteAll(
      this.table,
      items.map((item) => ({ DeleteRequest: { Key: { pk: item['pk'], sk: item['sk'] } } })),
    );
  }

  private async change(accountId: string, key: ProvisionedItemKey, change: Change): Promise<void> {
    const sk = itemSk(key);
    const policy = this.table.retryPolicy;
    for (let attempt = 1; attempt <= this.maxConflictAttempts; attempt += 1) {
      const current = await this.readItem(accountId, sk);
      const items = this.transactionFor(accountId, sk, current, change);
      if (items.length === 0 || (await this.tryTransaction(items))) return;
      await backoff(attempt, { ...policy, baseDelayMs: Math.max(policy.baseDelayMs, 10) });
    }
    throw new VersionConflictError(
      `Provisioned state of ${accountId} kept changing during ${this.maxConflictAttempts} attempts`,
      {
        context: {
          operation: 'RecordProvisionedState',
          accountId,
          tableName: this.table.tableName,
        },
      },
    );
  }

  private transactionFor(
    accountId: string,
    sk: string,
    current: StoredItem | null,
    change: Change,
  ): TransactItem[] {
    const TableName = this.table.tableName;
    const pk = accountPk(accountId);
    const version = typeof current?.['version'] === 'number' ? current['version'] : 0;
    const guard =
      current === null
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': version } };
    const previous = current === null ? null : toProvisionedItem(current);
    if (change.kind === 'remove') {
      if (previous === null) return [];
      return [
        { Delete: { TableName, Key: { pk, sk }, ...guard } },
        ...previous.tagKeys.map((tagKey) => ({
          Delete: { TableName, Key: { pk, sk: tagSk(tagKey, sk) } },
        })),
      ];
    }
    const ruleIds = mergeSorted(previous?.ruleIds ?? [], change.item.ruleIds);
    const tagKeys = mergeSorted(previous?.tagKeys ?? [], change.item.tagKeys);
    if (previous && sameList(ruleIds, previous.ruleIds) && sameList(tagKeys, previous.tagKeys)) {
      return [];
    }
    const attributes = itemAttributes(
      accountId,
      { ...change.item, ruleIds, tagKeys },
      version + 1,
      this.now().toISOString(),
    );
    return [
      { Put: { TableName, Item: { pk, sk, ...attributes }, ...guard } },
      ...tagKeys.map((tagKey) => ({
        Put: { TableName, Item: { pk, sk: tagSk(tagKey, sk), itemSk: sk, ...attributes } },
      })),
    ];
  }

  private async readItem(accountId: string, sk: string): Promise<StoredItem | null> {
    const output = await callAws(
      { operation: 'GetItem', accountId, tableName: this.table.tableName },
      () =>
        this.table.client.send(
          new GetCommand({
            TableName: this.table.tableName,
            Key: { pk: accountPk(accountId), sk },
            ConsistentRead: true,
          }),
        ),
      this.table.retryPolicy,
    );
    return output.Item ?? null;
  }

  private tryTransaction(items: TransactItem[]): Promise<boolean> {
    return callAws(
      { operation: 'TransactWriteItems', tableName: this.table.tableName },
      async () => {
        try {
          await this.table.client.send(new TransactWriteCommand({ TransactItems: items }));
          return true;
        } catch (error) {
          if (isConditionalFailure(error)) return false;
          throw error;
        }
      },
      this.table.retryPolicy,
    );
  }
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

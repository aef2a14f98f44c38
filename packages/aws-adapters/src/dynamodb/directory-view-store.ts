/**
 * `DirectoryViewStore` on DynamoDB: the directory view in one item of the provisioned-state table.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DirectoryViewStore, StoredDirectoryView } from '@org/governance-runtime';
import { ThrottledError } from '../errors';
import { backoff, callAws, type RetryPolicy } from '../retry';
import { tableAccess, type TableAccess } from './document-calls';
import {
  DIRECTORY_VIEW_KEY,
  directoryViewItem,
  fromDirectoryViewItem,
} from './directory-view-item';

/** Options of {@link DynamoDbDirectoryViewStore}. */
export interface DynamoDbDirectoryViewStoreOptions {
  /** The provisioned-state table (`pk`/`sk`). */
  readonly tableName: string;
  /** Our retries on top of the SDK's. @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
}

/**
 * The directory view in one item of the provisioned-state table (`pk = IDENTITY_CENTER`), next
 * to the per-account items it complements (which never use that key, and which
 * `DynamoDbProvisionedStateRepository.listAll` does not read). The reconciler and
 * `orgctl rules apply` / `orgctl reconcile` write it with `BatchWriteItem` (the write the
 * reconciler's role already has on that table); the org events processor reads it with
 * `GetItem`. At most 2,000 permission sets of about 150 bytes each fit well inside DynamoDB's
 * 400 KB item limit.
 *
 * @example
 * ```ts
 * const store = new DynamoDbDirectoryViewStore(documentClient, { tableName: process.env.STATE_TABLE });
 * await store.save({ permissionSets, principals, readAt: new Date().toISOString() });
 * ```
 */
export class DynamoDbDirectoryViewStore implements DirectoryViewStore {
  private readonly table: TableAccess;

  constructor(client: DynamoDBDocumentClient, options: DynamoDbDirectoryViewStoreOptions) {
    this.table = tableAccess(client, options);
  }

  /**
   * The last view saved (one `GetItem`), or `null` when none was.
   *
   * @throws {UnexpectedResponseError} (not retryable) naming the field of a malformed item.
   */
  async load(): Promise<StoredDirectoryView | null> {
    const context = { operation: 'GetItem', tableName: this.table.tableName };
    const output = await callAws(
      context,
      () =>
        this.table.client.send(
          new GetCommand({ TableName: this.table.tableName, Key: DIRECTORY_VIEW_KEY }),
        ),
      this.table.retryPolicy,
    );
    return output.Item === undefined ? null : fromDirectoryViewItem(output.Item, context);
  }

  /**
   * Replaces the stored view (one put of a `BatchWriteItem`, sent again with backoff while
   * DynamoDB leaves it unprocessed).
   *
   * @throws {ThrottledError} (retryable) when DynamoDB leaves the write unprocessed after the
   *   retries.
   */
  async save(view: StoredDirectoryView): Promise<void> {
    const context = { operation: 'BatchWriteItem', tableName: this.table.tableName };
    const item = directoryViewItem(view);
    for (let attempt = 1; ; attempt += 1) {
      const output = await callAws(
        context,
        () =>
          this.table.client.send(
            new BatchWriteCommand({
              RequestItems: { [this.table.tableName]: [{ PutRequest: { Item: item } }] },
            }),
          ),
        this.table.retryPolicy,
      );
      if ((output.UnprocessedItems?.[this.table.tableName] ?? []).length === 0) return;
      if (attempt >= this.table.retryPolicy.maxAttempts) {
        throw new ThrottledError(
          `BatchWriteItem left the directory view unprocessed ${attempt} times`,
          { context },
        );
      }
      await backoff(attempt, this.table.retryPolicy);
    }
  }
}

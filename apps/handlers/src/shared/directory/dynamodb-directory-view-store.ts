import { BatchWriteCommand, type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  backoffDelayMs,
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
  translateAwsError,
  withRetries,
} from '@org/aws-adapters';
import type { DirectoryViewStore, StoredDirectoryView } from '@org/scope-engine';
import { DirectoryViewStoreError } from '../errors';
import {
  DIRECTORY_VIEW_KEY,
  directoryViewItem,
  fromDirectoryViewItem,
} from './directory-view-item';

/** The default wait between retries of an unprocessed write. */
const sleepMs = (delayMs: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, delayMs));

/** Options of {@link DynamoDbDirectoryViewStore}. */
export interface DynamoDbDirectoryViewStoreOptions {
  /** The provisioned-state table (`pk`/`sk`). */
  readonly tableName: string;
  /** Our retries on top of the SDK's. @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
}

/**
 * The directory view in one item of the provisioned-state table (`pk = IDENTITY_CENTER`), next
 * to the per-account items it complements. The reconciler writes it with `BatchWriteItem` (the
 * write its role already has on that table); the processor reads it with `GetItem`. At most
 * 2,000 permission sets of about 150 bytes each fit well inside DynamoDB's 400 KB item limit.
 *
 * @example
 * ```ts
 * const store = new DynamoDbDirectoryViewStore(documentClient, { tableName: process.env.STATE_TABLE });
 * await store.save({ permissionSets, principals, readAt: new Date().toISOString() });
 * ```
 */
export class DynamoDbDirectoryViewStore implements DirectoryViewStore {
  private readonly tableName: string;
  private readonly retryPolicy: RetryPolicy;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    options: DynamoDbDirectoryViewStoreOptions,
  ) {
    this.tableName = options.tableName;
    this.retryPolicy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  }

  /** {@inheritDoc DirectoryViewStore.load} */
  async load(): Promise<StoredDirectoryView | null> {
    const context = { operation: 'GetItem', tableName: this.tableName };
    const output = await withRetries(
      () =>
        this.client.send(new GetCommand({ TableName: this.tableName, Key: DIRECTORY_VIEW_KEY })),
      this.retryPolicy,
    ).catch((error: unknown) => {
      throw translateAwsError(error, context);
    });
    return output.Item === undefined ? null : fromDirectoryViewItem(output.Item);
  }

  /**
   * {@inheritDoc DirectoryViewStore.save}
   *
   * @throws {DirectoryViewStoreError} (retryable) when DynamoDB leaves the write unprocessed
   *   after the retries.
   */
  async save(view: StoredDirectoryView): Promise<void> {
    const context = { operation: 'BatchWriteItem', tableName: this.tableName };
    const item = directoryViewItem(view);
    const { sleep = sleepMs, random = Math.random } = this.retryPolicy;
    for (let attempt = 1; ; attempt += 1) {
      const output = await withRetries(
        () =>
          this.client.send(
            new BatchWriteCommand({
              RequestItems: { [this.tableName]: [{ PutRequest: { Item: item } }] },
            }),
          ),
        this.retryPolicy,
      ).catch((error: unknown) => {
        throw translateAwsError(error, context);
      });
      if ((output.UnprocessedItems?.[this.tableName] ?? []).length === 0) return;
      if (attempt >= this.retryPolicy.maxAttempts) {
        throw new DirectoryViewStoreError(
          `BatchWriteItem left the directory view unprocessed ${attempt} times`,
          true,
        );
      }
      await sleep(backoffDelayMs(attempt, this.retryPolicy, random));
    }
  }
}

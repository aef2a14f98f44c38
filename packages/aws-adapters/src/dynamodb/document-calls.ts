/**
 * Retried DynamoDB calls shared by the repositories.
 */
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  paginateQuery,
  paginateScan,
  PutCommand,
  type PutCommandInput,
  type QueryCommandInput,
  type ScanCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ThrottledError } from '../errors';
import {
  awsErrorName,
  backoff,
  callAws,
  collectPages,
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
} from '../retry';

/** A document client, a table and a retry policy. */
export interface TableAccess {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly retryPolicy: RetryPolicy;
}

/**
 * A repository's table access from its client and options: the retry policy defaults to
 * `DEFAULT_RETRY_POLICY`.
 *
 * @example
 * ```ts
 * const table = tableAccess(documentClient, { tableName: 'audit' });
 * ```
 */
export function tableAccess(
  client: DynamoDBDocumentClient,
  options: { readonly tableName: string; readonly retryPolicy?: RetryPolicy },
): TableAccess {
  return {
    client,
    tableName: options.tableName,
    retryPolicy: options.retryPolicy ?? DEFAULT_RETRY_POLICY,
  };
}

/**
 * A conditional `PutItem` (retried): `true` when the item was written, `false` when its
 * condition did not hold (`ConditionalCheckFailedException`); any other error is thrown.
 * `input` builds the put for each attempt.
 *
 * @example
 * ```ts
 * const created = await conditionalPut(table, () => ({ Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
 * ```
 */
export function conditionalPut(
  table: TableAccess,
  input: () => Omit<PutCommandInput, 'TableName'>,
): Promise<boolean> {
  return callAws(
    { operation: 'PutItem', tableName: table.tableName },
    async () => {
      try {
        await table.client.send(new PutCommand({ TableName: table.tableName, ...input() }));
        return true;
      } catch (error) {
        if (awsErrorName(error) === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },
    table.retryPolicy,
  );
}

/** An item as lib-dynamodb returns it. */
export type StoredItem = Record<string, unknown>;

/**
 * `true` when a write failed because its condition did not hold (plain or inside a transaction):
 * someone else changed the item first.
 */
export function isConditionalFailure(error: unknown): boolean {
  const name = awsErrorName(error);
  if (name === 'ConditionalCheckFailedException') return true;
  if (name !== 'TransactionCanceledException') return false;
  const reasons = (error as { CancellationReasons?: readonly { Code?: string }[] })
    .CancellationReasons;
  return (reasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed');
}

/** Every item of a query, all pages (retried per page). */
export async function queryAll(
  table: TableAccess,
  input: Omit<QueryCommandInput, 'TableName'>,
): Promise<StoredItem[]> {
  const pages = await collectPages(
    (token) =>
      paginateQuery(
        {
          client: table.client,
          ...(token === undefined ? {} : { startingToken: JSON.parse(token) }),
        },
        { ...input, TableName: table.tableName },
      ),
    (page) => (page.LastEvaluatedKey ? JSON.stringify(page.LastEvaluatedKey) : undefined),
    { operation: 'Query', tableName: table.tableName },
    table.retryPolicy,
  );
  return pages.flatMap((page) => page.Items ?? []);
}

/** Every item of a scan, all pages (retried per page). */
export async function scanAll(
  table: TableAccess,
  input: Omit<ScanCommandInput, 'TableName'>,
): Promise<StoredItem[]> {
  const pages = await collectPages(
    (token) =>
      paginateScan(
        {
          client: table.client,
          ...(token === undefined ? {} : { startingToken: JSON.parse(token) }),
        },
        { ...input, TableName: table.tableName },
      ),
    (page) => (page.LastEvaluatedKey ? JSON.stringify(page.LastEvaluatedKey) : undefined),
    { operation: 'Scan', tableName: table.tableName },
    table.retryPolicy,
  );
  return pages.flatMap((page) => page.Items ?? []);
}

type WriteRequest =
  | { readonly PutRequest: { readonly Item: StoredItem } }
  | { readonly DeleteRequest: { readonly Key: StoredItem } };

/**
 * Writes (puts/deletes) in batches of 25, re-sending unprocessed items with jittered backoff
 * until done or the retry policy runs out (then a `ThrottledError`).
 */
export async function batchWriteAll(
  table: TableAccess,
  requests: readonly WriteRequest[],
): Promise<void> {
  const policy = table.retryPolicy;
  const context = { operation: 'BatchWriteItem', tableName: table.tableName };
  for (let start = 0; start < requests.length; start += 25) {
    let pending = requests.slice(start, start + 25);
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > policy.maxAttempts) {
        throw new ThrottledError(`${pending.length} batch write item(s) stayed unprocessed`, {
          context,
        });
      }
      if (attempt > 1) await backoff(attempt - 1, policy);
      const batch = pending;
      const output = await callAws(
        context,
        () =>
          table.client.send(
            new BatchWriteCommand({ RequestItems: { [table.tableName]: [...batch] } }),
          ),
        policy,
      );
      pending = (output.UnprocessedItems?.[table.tableName] ?? []) as WriteRequest[];
    }
  }
}

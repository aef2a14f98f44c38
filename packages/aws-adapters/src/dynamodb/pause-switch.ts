/**
 * The control items of the provisioned-state table: the pause switch (`orgctl pause` /
 * `orgctl resume`) and the record of the last reconcile run (`orgctl status`).
 */
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  NOT_PAUSED,
  type PauseState,
  type PauseSwitch,
  type ReconcileRunLog,
  type ReconcileRunRecord,
} from '@org/governance-runtime';
import { type AdapterErrorContext, ThrottledError, UnexpectedResponseError } from '../errors';
import { callAws, type RetryPolicy } from '../retry';
import { tableAccess, type TableAccess } from './document-calls';

/** Keys of the control items (no account uses the `CONTROL` partition). */
export const CONTROL_KEYS = {
  pause: { pk: 'CONTROL', sk: 'PAUSE' },
  lastReconcile: { pk: 'CONTROL', sk: 'LAST_RECONCILE' },
} as const;

/** Options of {@link DynamoDbPauseSwitch}. */
export interface DynamoDbPauseSwitchOptions {
  /** The provisioned-state table (`pk`/`sk`). */
  readonly tableName: string;
  /** Our retries on top of the SDK's. @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
}

type Item = Readonly<Record<string, unknown>>;

function text(item: Item, field: string, context: AdapterErrorContext): string | null {
  const value = item[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    throw new UnexpectedResponseError(`control item: ${field} is not a string`, { context });
  }
  return value;
}

function flag(item: Item, field: string, context: AdapterErrorContext): boolean {
  const value = item[field];
  if (typeof value !== 'boolean') {
    throw new UnexpectedResponseError(`control item: ${field} is not a boolean`, { context });
  }
  return value;
}

function count(item: Item, field: string, context: AdapterErrorContext): number {
  const value = item[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new UnexpectedResponseError(`control item: ${field} is not a count`, { context });
  }
  return value;
}

/**
 * The pause switch and the last reconcile run, two items of the provisioned-state table
 * (`pk = CONTROL`), next to the per-account items (which `listAll` does not read). The processor
 * and the worker read the switch with `GetItem`, `orgctl pause` / `resume` write it with
 * `PutItem`; the reconciler records its run with `BatchWriteItem` (the write its role has on the
 * table) and `orgctl status` reads it with `GetItem`. Reads are strongly consistent: a resume
 * takes effect at the next read.
 *
 * @example
 * ```ts
 * const control = new DynamoDbPauseSwitch(documentClient, { tableName: process.env.STATE_TABLE });
 * if ((await control.read()).paused) return;
 * ```
 */
export class DynamoDbPauseSwitch implements PauseSwitch, ReconcileRunLog {
  private readonly table: TableAccess;

  constructor(client: DynamoDBDocumentClient, options: DynamoDbPauseSwitchOptions) {
    this.table = tableAccess(client, options);
  }

  /**
   * {@inheritDoc PauseSwitch.read}
   * @throws {UnexpectedResponseError} (not retryable) naming the field of a malformed item.
   */
  async read(): Promise<PauseState> {
    const { item, context } = await this.get(CONTROL_KEYS.pause);
    if (item === undefined) return NOT_PAUSED;
    return {
      paused: flag(item, 'paused', context),
      changedAt: text(item, 'changedAt', context),
      changedBy: text(item, 'changedBy', context),
      reason: text(item, 'reason', context),
    };
  }

  /** {@inheritDoc PauseSwitch.set} */
  async set(state: PauseState): Promise<void> {
    const context = { operation: 'PutItem', tableName: this.table.tableName };
    await callAws(
      context,
      () =>
        this.table.client.send(
          new PutCommand({
            TableName: this.table.tableName,
            Item: { ...CONTROL_KEYS.pause, ...state },
          }),
        ),
      this.table.retryPolicy,
    );
  }

  /**
   * {@inheritDoc ReconcileRunLog.recordRun}
   * @throws {ThrottledError} (retryable) when DynamoDB leaves the write unprocessed.
   */
  async recordRun(run: ReconcileRunRecord): Promise<void> {
    const context = { operation: 'BatchWriteItem', tableName: this.table.tableName };
    const output = await callAws(
      context,
      () =>
        this.table.client.send(
          new BatchWriteCommand({
            RequestItems: {
              [this.table.tableName]: [
                { PutRequest: { Item: { ...CONTROL_KEYS.lastReconcile, ...run } } },
              ],
            },
          }),
        ),
      this.table.retryPolicy,
    );
    if ((output.UnprocessedItems?.[this.table.tableName] ?? []).length > 0) {
      throw new ThrottledError('BatchWriteItem left the reconcile run record unprocessed', {
        context,
      });
    }
  }

  /**
   * {@inheritDoc ReconcileRunLog.lastRun}
   * @throws {UnexpectedResponseError} (not retryable) naming the field of a malformed item.
   */
  async lastRun(): Promise<ReconcileRunRecord | null> {
    const { item, context } = await this.get(CONTROL_KEYS.lastReconcile);
    if (item === undefined) return null;
    const required = (field: string): string => {
      const value = text(item, field, context);
      if (value === null) {
        throw new UnexpectedResponseError(`control item: ${field} is missing`, { context });
      }
      return value;
    };
    return {
      runId: required('runId'),
      at: required('at'),
      dryRun: flag(item, 'dryRun', context),
      driftCount: count(item, 'driftCount', context),
      enqueued: count(item, 'enqueued', context),
      heldDestructive: count(item, 'heldDestructive', context),
      paused: flag(item, 'paused', context),
    };
  }

  private async get(key: { readonly pk: string; readonly sk: string }) {
    const context = { operation: 'GetItem', tableName: this.table.tableName };
    const output = await callAws(
      context,
      () =>
        this.table.client.send(
          new GetCommand({ TableName: this.table.tableName, Key: key, ConsistentRead: true }),
        ),
      this.table.retryPolicy,
    );
    return { item: output.Item as Item | undefined, context };
  }
}

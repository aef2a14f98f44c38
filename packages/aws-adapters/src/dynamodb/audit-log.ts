/**
 * `AuditLog` on DynamoDB: append-only entries partitioned by event id, expiring via TTL.
 */
import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, AuditLog, StoredAuditEntry } from '@org/governance-runtime';
import { InvalidRequestError } from '../errors';
import type { RetryPolicy } from '../retry';
import {
  conditionalPut,
  queryAll,
  type StoredItem,
  tableAccess,
  type TableAccess,
} from './document-calls';

/** Options of {@link DynamoDbAuditLog}. */
export interface DynamoDbAuditLogOptions {
  readonly tableName: string;
  /** How long entries are kept (TTL attribute `expiresAt`). @default 90 */
  readonly retentionDays?: number;
  /** Our retries on top of the SDK's. @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
  /** Unique suffixes of sort keys (tests inject deterministic ones). @default crypto.randomUUID */
  readonly newId?: () => string;
}

const SECONDS_PER_DAY = 86_400;
const ENTRY_FIELDS = [
  'eventId',
  'type',
  'at',
  'accountId',
  'outcome',
  'ruleIds',
  'operation',
  'planSummary',
  'detail',
  'expiresAt',
] as const;

function toStoredEntry(item: StoredItem): StoredAuditEntry {
  const entry = Object.fromEntries(
    ENTRY_FIELDS.filter((field) => item[field] !== undefined).map((field) => [field, item[field]]),
  );
  return entry as unknown as StoredAuditEntry;
}

/**
 * The audit log (operation log) table.
 *
 * @example
 * ```ts
 * const audit = new DynamoDbAuditLog(documentClient, { tableName: 'audit', retentionDays: 30 });
 * await audit.append({ eventId, type: 'event', at: new Date().toISOString(), accountId: null,
 *   outcome: 'received', ruleIds: [] });
 * ```
 */
export class DynamoDbAuditLog implements AuditLog {
  private readonly table: TableAccess;
  private readonly retentionSeconds: number;
  private readonly newId: () => string;

  constructor(client: DynamoDBDocumentClient, options: DynamoDbAuditLogOptions) {
    this.table = tableAccess(client, options);
    this.retentionSeconds = (options.retentionDays ?? 90) * SECONDS_PER_DAY;
    this.newId = options.newId ?? randomUUID;
  }

  /** @inheritdoc */
  async append(entry: AuditEntry): Promise<void> {
    const atMs = Date.parse(entry.at);
    if (Number.isNaN(atMs)) {
      throw new InvalidRequestError(
        `Audit entry of event ${entry.eventId} has an invalid time "${entry.at}"`,
        {
          context: { operation: 'AppendAudit', tableName: this.table.tableName },
        },
      );
    }
    const item = {
      ...(JSON.parse(JSON.stringify(entry)) as AuditEntry),
      pk: `EVENT#${entry.eventId}`,
      sk: `${entry.at}#${this.newId()}`,
      expiresAt: Math.floor(atMs / 1000) + this.retentionSeconds,
    };
    // The sort key ends with an id fresh to this append, so an item already under it is this very
    // entry: an earlier attempt landed and only its response was lost.
    await conditionalPut(this.table, () => ({
      Item: item,
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
  }

  /** @inheritdoc */
  async listByEvent(eventId: string): Promise<readonly StoredAuditEntry[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `EVENT#${eventId}` },
      ConsistentRead: true,
    });
    return items.map(toStoredEntry);
  }
}

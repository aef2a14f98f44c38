/**
 * The DynamoDB calls behind two-phase markers (`IN_PROGRESS` with a lease → `COMPLETED`).
 *
 * Item: `pk = MARKER#<key>`, `state`, `token` (the claimer's), `claimedAt`, `leaseExpiresAt`
 * (epoch ms), then `result` and `completedAt`; `expiresAt` (TTL, epoch s) when configured.
 * A marker without `state` was written by `claim` (one phase) and counts as completed.
 */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { VersionConflictError } from '../errors';
import type { MarkerClaim } from '../markers';
import { awsErrorName, callAws } from '../retry';
import type { StoredItem, TableAccess } from './document-calls';

/** What the two-phase calls need besides the table. */
export interface MarkerClock {
  /** Epoch milliseconds. */
  readonly now: () => number;
  /** TTL of a marker in seconds, or `undefined` for markers that never expire. */
  readonly ttlSeconds: number | undefined;
  /** A fresh, unguessable claim token. */
  readonly newToken: () => string;
}

/** How often `begin` re-reads a marker that changed between its put and its read. */
const BEGIN_ROUNDS = 3;

const markerKey = (key: string): { pk: string } => ({ pk: `MARKER#${key}` });

const isConditionFailure = (error: unknown): boolean =>
  awsErrorName(error) === 'ConditionalCheckFailedException';

/** Puts an `IN_PROGRESS` claim unless a live claim or a completion is there; `true` if put. */
async function putClaim(
  table: TableAccess,
  key: string,
  token: string,
  leaseMs: number,
  clock: MarkerClock,
): Promise<boolean> {
  const nowMs = clock.now();
  const nowSeconds = Math.floor(nowMs / 1000);
  return callAws(
    { operation: 'PutItem', tableName: table.tableName },
    async () => {
      try {
        await table.client.send(
          new PutCommand({
            TableName: table.tableName,
            Item: {
              ...markerKey(key),
              state: 'IN_PROGRESS',
              token,
              claimedAt: new Date(nowMs).toISOString(),
              leaseExpiresAt: nowMs + leaseMs,
              ...(clock.ttlSeconds === undefined
                ? {}
                : { expiresAt: nowSeconds + clock.ttlSeconds }),
            },
            ConditionExpression:
              'attribute_not_exists(pk) OR (#state = :inProgress AND leaseExpiresAt < :nowMs) OR expiresAt < :nowSeconds',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: {
              ':inProgress': 'IN_PROGRESS',
              ':nowMs': nowMs,
              ':nowSeconds': nowSeconds,
            },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
    table.retryPolicy,
  );
}

async function readMarker(table: TableAccess, key: string): Promise<StoredItem | undefined> {
  const output = await callAws(
    { operation: 'GetItem', tableName: table.tableName },
    () =>
      table.client.send(
        new GetCommand({ TableName: table.tableName, Key: markerKey(key), ConsistentRead: true }),
      ),
    table.retryPolicy,
  );
  return output.Item;
}

/** What an existing marker means for a new claimer; `undefined` when it can be claimed now. */
function claimOfExisting(item: StoredItem, token: string, nowMs: number): MarkerClaim | undefined {
  const lease = typeof item['leaseExpiresAt'] === 'number' ? item['leaseExpiresAt'] : 0;
  if (item['state'] === 'IN_PROGRESS') {
    // Our own put whose response was lost (and retried) is our claim.
    if (item['token'] === token) return { status: 'claimed', token, leaseExpiresAt: lease };
    return lease < nowMs ? undefined : { status: 'inProgress', leaseExpiresAt: lease };
  }
  const result = item['result'];
  return typeof result === 'string' ? { status: 'completed', result } : { status: 'completed' };
}

/** Claims `key` for `leaseMs` (see {@link MarkerClaim}). */
export async function beginMarker(
  table: TableAccess,
  key: string,
  leaseMs: number,
  clock: MarkerClock,
): Promise<MarkerClaim> {
  const token = clock.newToken();
  for (let round = 0; round < BEGIN_ROUNDS; round += 1) {
    if (await putClaim(table, key, token, leaseMs, clock)) {
      return { status: 'claimed', token, leaseExpiresAt: clock.now() + leaseMs };
    }
    const item = await readMarker(table, key);
    const existing = item === undefined ? undefined : claimOfExisting(item, token, clock.now());
    if (existing !== undefined) return existing;
  }
  throw new VersionConflictError(
    `Marker ${key} kept changing while it was being claimed; try again`,
    { context: { operation: 'PutItem', tableName: table.tableName } },
  );
}

/** Records `result` on the caller's claim; `false` when the claim is no longer the caller's. */
export function completeMarker(
  table: TableAccess,
  key: string,
  token: string,
  result: string,
  clock: MarkerClock,
): Promise<boolean> {
  return callAws(
    { operation: 'UpdateItem', tableName: table.tableName },
    async () => {
      try {
        await table.client.send(
          new UpdateCommand({
            TableName: table.tableName,
            Key: markerKey(key),
            UpdateExpression: 'SET #state = :completed, #result = :result, completedAt = :at',
            ConditionExpression: '#token = :token',
            ExpressionAttributeNames: { '#state': 'state', '#result': 'result', '#token': 'token' },
            ExpressionAttributeValues: {
              ':completed': 'COMPLETED',
              ':result': result,
              ':at': new Date(clock.now()).toISOString(),
              ':token': token,
            },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
    table.retryPolicy,
  );
}

/** Deletes the caller's claim; does nothing when the claim is no longer the caller's. */
export async function abandonMarker(table: TableAccess, key: string, token: string): Promise<void> {
  await callAws(
    { operation: 'DeleteItem', tableName: table.tableName },
    async () => {
      try {
        await table.client.send(
          new DeleteCommand({
            TableName: table.tableName,
            Key: markerKey(key),
            ConditionExpression: '#token = :token',
            ExpressionAttributeNames: { '#token': 'token' },
            ExpressionAttributeValues: { ':token': token },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },
    table.retryPolicy,
  );
}

/**
 * The operations queue message: body, group id and deduplication id.
 */
import { isPolicyType, type Operation } from '@org/scope-engine';
import type { OperationMessage, PendingRequest } from '@org/governance-runtime';
import { MalformedMessageError } from '../errors';
import { sha256OfCanonicalJson } from '../util';

/**
 * Deduplication id: SHA-256 of the canonical JSON of the operation and its **cause** — the id of
 * the event or reconcile run that planned it (`eventId`) — plus the pending request when re-queued
 * for status polling. SQS FIFO drops any message whose id was *sent* in the last 5 minutes, even
 * after the first one was consumed; with the cause in the id, a later event's operation (a tag
 * flipped back within 5 minutes) is never swallowed by an earlier event's identical operation,
 * while a retried invocation of the same event (same cause) still sends it once. A message
 * without a cause (`eventId: null`) hashes the operation alone, as before.
 *
 * @example
 * ```ts
 * deduplicationIdOf({ eventId: 'e-1', operation }); // 64 hex characters, differs for 'e-2'
 * ```
 */
export function deduplicationIdOf(message: OperationMessage): string {
  return sha256OfCanonicalJson({
    operation: message.operation,
    ...(message.eventId === null ? {} : { cause: message.eventId }),
    ...(message.pending === undefined ? {} : { pending: message.pending }),
  });
}

/**
 * The message body: `{ eventId, operation, pending? }` with the plan's operation JSON.
 *
 * @example
 * ```ts
 * encodeOperationMessage({ eventId: 'e-1', operation }); // '{"eventId":"e-1","operation":{…}}'
 * ```
 */
export function encodeOperationMessage(message: OperationMessage): string {
  return JSON.stringify({
    eventId: message.eventId,
    operation: message.operation,
    ...(message.pending === undefined ? {} : { pending: message.pending }),
  });
}

const OPERATION_FIELDS: Record<Operation['type'], readonly string[]> = {
  attachPolicy: ['policyType', 'accountId', 'policyId'],
  detachPolicy: ['policyType', 'accountId', 'policyId'],
  createAssignment: ['accountId', 'permissionSetArn', 'principalType', 'principalId'],
  deleteAssignment: ['accountId', 'permissionSetArn', 'principalType', 'principalId'],
  notify: ['accountId', 'notificationId', 'targetType', 'subject', 'body'],
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fail(problem: string): never {
  throw new MalformedMessageError(`Malformed operation message: ${problem}`, {
    context: { operation: 'DecodeOperationMessage' },
  });
}

/** The v1 policy operations (SCPs only) and their v2 type. */
const V1_POLICY_TYPES: Readonly<Record<string, 'attachPolicy' | 'detachPolicy'>> = {
  attachScp: 'attachPolicy',
  detachScp: 'detachPolicy',
};

/**
 * A v1 message's `attachScp` / `detachScp` as the v2 `attachPolicy` / `detachPolicy` of type
 * SERVICE_CONTROL_POLICY (messages queued before an upgrade still execute); any other as it is.
 */
function upgradeV1(operation: Record<string, unknown>): Record<string, unknown> {
  const type = operation['type'];
  const v2 = typeof type === 'string' ? V1_POLICY_TYPES[type] : undefined;
  if (v2 === undefined) return operation;
  const { accountId, policyId, ruleIds, ...rest } = operation;
  return {
    ...rest,
    type: v2,
    policyType: 'SERVICE_CONTROL_POLICY',
    accountId,
    policyId,
    ruleIds,
  };
}

function checkOperation(raw: unknown): Operation {
  if (!isRecord(raw)) fail('operation: expected an object');
  const operation = upgradeV1(raw);
  const type = operation['type'];
  if (typeof type !== 'string' || !(type in OPERATION_FIELDS)) {
    fail(`operation.type: expected one of ${Object.keys(OPERATION_FIELDS).join(', ')}`);
  }
  for (const field of OPERATION_FIELDS[type as Operation['type']]) {
    if (typeof operation[field] !== 'string') fail(`operation.${field}: expected a string`);
  }
  if (
    (type === 'attachPolicy' || type === 'detachPolicy') &&
    !isPolicyType(operation['policyType'])
  ) {
    fail('operation.policyType: expected an Organizations policy type');
  }
  const ruleIds = operation['ruleIds'];
  if (
    type !== 'notify' &&
    !(Array.isArray(ruleIds) && ruleIds.every((id) => typeof id === 'string'))
  ) {
    fail('operation.ruleIds: expected an array of strings');
  }
  return operation as unknown as Operation;
}

function checkPending(pending: unknown): PendingRequest | undefined {
  if (pending === undefined) return undefined;
  if (!isRecord(pending) || typeof pending['requestId'] !== 'string') {
    fail('pending.requestId: expected a string');
  }
  if (typeof pending['polls'] !== 'number') fail('pending.polls: expected a number');
  const checks = pending['checks'];
  if (checks !== undefined && typeof checks !== 'number') fail('pending.checks: expected a number');
  return {
    requestId: pending['requestId'],
    polls: pending['polls'],
    ...(checks === undefined ? {} : { checks }),
  };
}

/**
 * Parses and checks a message body written by {@link encodeOperationMessage}; a bad body throws
 * a `MalformedMessageError` naming the field.
 *
 * @example
 * ```ts
 * const { eventId, operation, pending } = decodeOperationMessage(record.body);
 * ```
 */
export function decodeOperationMessage(body: string): OperationMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    fail('body: expected JSON');
  }
  if (!isRecord(parsed)) fail('body: expected an object');
  const eventId = parsed['eventId'];
  if (eventId !== null && typeof eventId !== 'string') fail('eventId: expected a string or null');
  const operation = checkOperation(parsed['operation']);
  const pending = checkPending(parsed['pending']);
  return pending === undefined ? { eventId, operation } : { eventId, operation, pending };
}

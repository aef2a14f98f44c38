import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { FAST_RETRY } from '../../test/support/fast-retry';
import { DynamoDbAuditLog } from './audit-log';
import { DynamoDbIdempotencyStore } from './idempotency-store';
import { TABLE_DESIGNS } from '@org/contracts';
import {
  AUDIT_LOG_TABLE,
  IDEMPOTENCY_TABLE,
  PROVISIONED_STATE_TABLE,
  RULES_TABLE,
} from './table-designs';

const ddbMock = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));

beforeEach(() => ddbMock.reset());

const OPERATION = {
  type: 'attachPolicy',
  policyType: 'SERVICE_CONTROL_POLICY',
  accountId: '222222222222',
  policyId: 'p-1',
  ruleIds: ['r'],
} as const;

describe('DynamoDbAuditLog', () => {
  const audit = new DynamoDbAuditLog(client, {
    tableName: 'audit',
    retentionDays: 30,
    retryPolicy: FAST_RETRY,
    newId: () => 'u-1',
  });

  it('appends an entry that expires after the retention, never overwriting', async () => {
    ddbMock.on(PutCommand).resolves({});
    const entry = {
      eventId: 'e-1',
      type: 'operation',
      at: '2026-03-01T00:00:00.000Z',
      accountId: '222222222222',
      outcome: 'applied',
      ruleIds: ['r'],
      operation: OPERATION,
    } as const;
    await audit.append(entry);
    expect(ddbMock.commandCalls(PutCommand)[0]?.args[0].input).toStrictEqual({
      TableName: 'audit',
      ConditionExpression: 'attribute_not_exists(pk)',
      Item: {
        pk: 'EVENT#e-1',
        sk: '2026-03-01T00:00:00.000Z#u-1',
        ...entry,
        expiresAt: Date.parse('2026-03-01T00:00:00.000Z') / 1000 + 30 * 86_400,
      },
    });
  });

  it('treats its own earlier attempt (lost response, then condition failure) as written', async () => {
    const lostResponse = Object.assign(new Error('lost'), {
      name: 'InternalServerError',
      $metadata: { httpStatusCode: 500 },
    });
    const conditionFailed = Object.assign(new Error('cond'), {
      name: 'ConditionalCheckFailedException',
    });
    ddbMock.on(PutCommand).rejectsOnce(lostResponse).rejects(conditionFailed);
    const entry = {
      eventId: 'e-2',
      type: 'event',
      at: '2026-03-01T00:00:00.000Z',
      accountId: null,
      outcome: 'received',
      ruleIds: [],
    } as const;
    await expect(audit.append(entry)).resolves.toBeUndefined();
    const keys = ddbMock.commandCalls(PutCommand).map((call) => call.args[0].input.Item?.['sk']);
    expect(keys).toStrictEqual(['2026-03-01T00:00:00.000Z#u-1', '2026-03-01T00:00:00.000Z#u-1']);
  });

  it('rejects an entry with an invalid time', async () => {
    await expect(
      audit.append({
        eventId: 'e-1',
        type: 'event',
        at: 'yesterday',
        accountId: null,
        outcome: 'received',
        ruleIds: [],
      }),
    ).rejects.toMatchObject({
      code: 'InvalidRequest',
      message: 'Audit entry of event e-1 has an invalid time "yesterday"',
    });
  });

  it('lists the entries of an event without table keys', async () => {
    const entry = {
      eventId: 'e-1',
      type: 'plan',
      at: 't',
      accountId: null,
      outcome: 'planned',
      ruleIds: [],
      planSummary: { operations: 2, skipped: 1 },
      expiresAt: 9,
    };
    ddbMock.on(QueryCommand).resolves({ Items: [{ pk: 'EVENT#e-1', sk: 'x', ...entry }] });
    expect(await audit.listByEvent('e-1')).toStrictEqual([entry]);
  });
});

describe('DynamoDbIdempotencyStore', () => {
  const conditionFailed = Object.assign(new Error('cond'), {
    name: 'ConditionalCheckFailedException',
  });

  it.each([
    [undefined, { pk: 'MARKER#k', claimedAt: '2026-03-01T00:00:00.000Z' }],
    [
      3_600,
      { pk: 'MARKER#k', claimedAt: '2026-03-01T00:00:00.000Z', expiresAt: 1772323200 + 3_600 },
    ],
  ])('claims a marker with ttl %p once', async (ttlSeconds, item) => {
    const store = new DynamoDbIdempotencyStore(client, {
      tableName: 'idem',
      retryPolicy: FAST_RETRY,
      now: () => Date.parse('2026-03-01T00:00:00.000Z'),
      ...(ttlSeconds === undefined ? {} : { ttlSeconds }),
    });
    ddbMock.on(PutCommand).resolvesOnce({}).rejects(conditionFailed);
    expect([await store.claim('k'), await store.claim('k')]).toStrictEqual([true, false]);
    expect(ddbMock.commandCalls(PutCommand)[0]?.args[0].input).toStrictEqual({
      TableName: 'idem',
      Item: item,
      ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
      ExpressionAttributeValues: { ':now': 1772323200 },
    });
  });

  it('release deletes the marker', async () => {
    ddbMock.on(DeleteCommand).resolves({});
    await new DynamoDbIdempotencyStore(client, { tableName: 'idem' }).release('k');
    expect(ddbMock.commandCalls(DeleteCommand)[0]?.args[0].input).toStrictEqual({
      TableName: 'idem',
      Key: { pk: 'MARKER#k' },
    });
  });

  it('propagates other failures as typed errors', async () => {
    ddbMock
      .on(PutCommand)
      .rejects(Object.assign(new Error('no'), { name: 'AccessDeniedException' }));
    const store = new DynamoDbIdempotencyStore(client, {
      tableName: 'idem',
      retryPolicy: FAST_RETRY,
    });
    await expect(store.claim('k')).rejects.toMatchObject({
      code: 'AccessDenied',
      context: { tableName: 'idem' },
    });
  });
});

describe('DynamoDbIdempotencyStore two-phase calls', () => {
  const denied = Object.assign(new Error('no'), { name: 'AccessDeniedException' });
  const store = new DynamoDbIdempotencyStore(client, {
    tableName: 'idem',
    retryPolicy: FAST_RETRY,
  });

  it.each([
    [
      'begin',
      () => ddbMock.on(PutCommand).rejects(denied),
      () => store.begin('k', 1_000),
      'PutItem',
    ],
    [
      'complete',
      () => ddbMock.on(UpdateCommand).rejects(denied),
      () => store.complete('k', 't', 'r'),
      'UpdateItem',
    ],
    [
      'abandon',
      () => ddbMock.on(DeleteCommand).rejects(denied),
      () => store.abandon('k', 't'),
      'DeleteItem',
    ],
  ])('%s propagates other failures as typed errors', async (_name, fail, call, operation) => {
    fail();
    await expect(call()).rejects.toMatchObject({
      code: 'AccessDenied',
      context: { operation, tableName: 'idem' },
    });
  });
});

describe('table designs', () => {
  // The CreateTable inputs of these designs are pinned by the contract's own spec.
  it.each([
    ['rules', RULES_TABLE],
    ['state', PROVISIONED_STATE_TABLE],
    ['audit', AUDIT_LOG_TABLE],
    ['idempotency', IDEMPOTENCY_TABLE],
  ] as const)('the adapters use the contract design of the %s table', (name, design) => {
    expect(design).toBe(TABLE_DESIGNS[name]);
  });
});

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { FAST_RETRY } from '../../test/support/fast-retry';
import { CONTROL_KEYS, DynamoDbPauseSwitch } from './pause-switch';

const ddbMock = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const control = new DynamoDbPauseSwitch(client, { tableName: 'state', retryPolicy: FAST_RETRY });

beforeEach(() => ddbMock.reset());

const RUN = {
  runId: 'reconcile-1',
  at: '2026-12-06T10:00:00.000Z',
  dryRun: false,
  driftCount: 30,
  enqueued: 4,
  heldDestructive: 26,
  paused: false,
};

describe('DynamoDbPauseSwitch (mocked DynamoDB)', () => {
  it('reads "not paused" when nobody set the switch, with a consistent GetItem', async () => {
    ddbMock.on(GetCommand).resolves({});
    expect({
      state: await control.read(),
      input: ddbMock.commandCalls(GetCommand)[0]?.args[0].input,
    }).toStrictEqual({
      state: { paused: false, changedAt: null, changedBy: null, reason: null },
      input: { TableName: 'state', Key: { pk: 'CONTROL', sk: 'PAUSE' }, ConsistentRead: true },
    });
  });

  it('writes the switch as one item', async () => {
    ddbMock.on(PutCommand).resolves({});
    const state = { paused: true, changedAt: 't', changedBy: 'arn:aws:iam::1:user/a', reason: 'r' };
    await control.set(state);
    expect(ddbMock.commandCalls(PutCommand)[0]?.args[0].input).toStrictEqual({
      TableName: 'state',
      Item: { pk: 'CONTROL', sk: 'PAUSE', ...state },
    });
  });

  it('records the last run with BatchWriteItem and reads it back', async () => {
    ddbMock.on(BatchWriteCommand).resolves({});
    ddbMock.on(GetCommand).resolves({ Item: { ...CONTROL_KEYS.lastReconcile, ...RUN } });
    await control.recordRun(RUN);
    expect({
      written: ddbMock.commandCalls(BatchWriteCommand)[0]?.args[0].input,
      read: await control.lastRun(),
    }).toStrictEqual({
      written: {
        RequestItems: {
          state: [{ PutRequest: { Item: { pk: 'CONTROL', sk: 'LAST_RECONCILE', ...RUN } } }],
        },
      },
      read: RUN,
    });
  });

  it('throws a retryable error when the run record stays unprocessed', async () => {
    ddbMock.on(BatchWriteCommand).resolves({
      UnprocessedItems: { state: [{ PutRequest: { Item: {} } }] },
    });
    await expect(control.recordRun(RUN)).rejects.toMatchObject({
      code: 'Throttled',
      retryable: true,
    });
  });

  it.each([
    [
      'a pause item without the flag',
      'read',
      { reason: 'x' },
      'control item: paused is not a boolean',
    ],
    [
      'a pause item with a numeric reason',
      'read',
      { paused: true, reason: 1 },
      'control item: reason is not a string',
    ],
    [
      'a run without its id',
      'lastRun',
      { ...RUN, runId: undefined },
      'control item: runId is missing',
    ],
    [
      'a run with a negative count',
      'lastRun',
      { ...RUN, enqueued: -1 },
      'control item: enqueued is not a count',
    ],
  ] as const)('refuses %s', async (_label, method, item, message) => {
    ddbMock.on(GetCommand).resolves({ Item: item });
    await expect(control[method]()).rejects.toMatchObject({
      code: 'UnexpectedResponse',
      retryable: false,
      message,
    });
  });

  it('knows no run before the first one', async () => {
    ddbMock.on(GetCommand).resolves({});
    expect(await control.lastRun()).toBeNull();
  });
});

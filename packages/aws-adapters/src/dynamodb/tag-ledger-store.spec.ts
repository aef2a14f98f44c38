import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { FAST_RETRY } from '../../test/support/fast-retry';
import { UnexpectedResponseError } from '../errors';
import { DynamoDbTagLedgerStore } from './tag-ledger-store';

const ddbMock = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const ledger = new DynamoDbTagLedgerStore(client, {
  tableName: 'ledger',
  retryPolicy: FAST_RETRY,
  concurrency: 2,
});

beforeEach(() => ddbMock.reset());

const ARN = 'arn:aws:sts::111111111111:assumed-role/Platform/ci';
const SET = {
  pk: 'ACCOUNT#222222222222',
  sk: 'TAG#env',
  accountId: '222222222222',
  key: 'env',
  value: 'prod',
  removed: false,
  setBy: ARN,
  setAt: '2026-12-06T10:00:00.000Z',
};

describe('DynamoDbTagLedgerStore (mocked DynamoDB)', () => {
  it('records a set and a removal with conditional puts that keep the newest change', async () => {
    ddbMock.on(PutCommand).resolves({});
    await ledger.record([
      { accountId: '222222222222', key: 'env', value: 'prod', setBy: ARN, setAt: SET.setAt },
      { accountId: '222222222222', key: 'team', value: null, setBy: ARN, setAt: SET.setAt },
    ]);
    expect(ddbMock.commandCalls(PutCommand).map((call) => call.args[0].input)).toStrictEqual([
      {
        TableName: 'ledger',
        Item: SET,
        ConditionExpression: 'attribute_not_exists(pk) OR setAt <= :at',
        ExpressionAttributeValues: { ':at': SET.setAt },
      },
      {
        TableName: 'ledger',
        Item: {
          pk: 'ACCOUNT#222222222222',
          sk: 'TAG#team',
          accountId: '222222222222',
          key: 'team',
          removed: true,
          setBy: ARN,
          setAt: SET.setAt,
        },
        ConditionExpression: 'attribute_not_exists(pk) OR setAt <= :at',
        ExpressionAttributeValues: { ':at': SET.setAt },
      },
    ]);
  });

  it('drops an older change without failing (its condition does not hold)', async () => {
    ddbMock
      .on(PutCommand)
      .rejects(Object.assign(new Error('older'), { name: 'ConditionalCheckFailedException' }));
    await expect(
      ledger.record([{ ...SET, setAt: '2026-01-01T00:00:00.000Z' }]),
    ).resolves.toBeUndefined();
    expect(ddbMock.commandCalls(PutCommand)).toHaveLength(1);
  });

  it('queries each account once and returns only set values', async () => {
    ddbMock
      .on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'ACCOUNT#222222222222' } })
      .resolves({ Items: [SET, { ...SET, sk: 'TAG#team', key: 'team', removed: true }] })
      .on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'ACCOUNT#333333333333' } })
      .resolves({ Items: [] });
    const entries = await ledger.entriesFor(['222222222222', '333333333333', '222222222222']);
    expect({
      entries,
      queries: ddbMock.commandCalls(QueryCommand).length,
    }).toStrictEqual({
      entries: [
        { accountId: '222222222222', key: 'env', value: 'prod', setBy: ARN, setAt: SET.setAt },
      ],
      queries: 2,
    });
  });

  it('scans every page for a full read', async () => {
    ddbMock
      .on(ScanCommand)
      .resolvesOnce({ Items: [SET], LastEvaluatedKey: { pk: SET.pk, sk: SET.sk } })
      .resolvesOnce({ Items: [{ ...SET, accountId: '333333333333', pk: 'ACCOUNT#333333333333' }] });
    const entries = await ledger.entriesForAll();
    expect({
      accounts: entries.map((entry) => entry.accountId),
      pages: ddbMock.commandCalls(ScanCommand).length,
      secondPageStart: ddbMock.commandCalls(ScanCommand)[1]?.args[0].input.ExclusiveStartKey,
    }).toStrictEqual({
      accounts: ['222222222222', '333333333333'],
      pages: 2,
      secondPageStart: { pk: SET.pk, sk: SET.sk },
    });
  });

  it('refuses a malformed item, naming the field', async () => {
    ddbMock.on(ScanCommand).resolves({ Items: [{ ...SET, setBy: 7 }] });
    await expect(ledger.entriesForAll()).rejects.toThrow(
      new UnexpectedResponseError('tag ledger item: setBy is not a string'),
    );
  });
});

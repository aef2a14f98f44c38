import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { definedFields, FAST_RETRY } from '../../test/support/fast-retry';
import { DynamoDbProvisionedStateRepository } from './provisioned-state-repository';

const ddbMock = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const TABLE = 'provisioned';
const NOW = '2026-03-01T12:00:00.000Z';
const PS = 'arn:aws:sso:::permissionSet/ssoins-1/ps-1';
const ASSIGNMENT_SK = `ITEM#ASSIGNMENT#${encodeURIComponent(PS)}#GROUP#g-1`;

function repository(maxConflictAttempts = 3): DynamoDbProvisionedStateRepository {
  return new DynamoDbProvisionedStateRepository(client, {
    tableName: TABLE,
    retryPolicy: FAST_RETRY,
    maxConflictAttempts,
    now: () => new Date(NOW),
  });
}

const conditionFailed = (): TransactionCanceledException =>
  new TransactionCanceledException({
    message: 'cancelled',
    $metadata: {},
    CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }],
  });

const storedAssignment = (version: number, ruleIds: string[], tagKeys: string[]) => ({
  pk: 'ACCOUNT#222222222222',
  sk: ASSIGNMENT_SK,
  accountId: '222222222222',
  kind: 'assignment',
  permissionSetArn: PS,
  principalType: 'GROUP',
  principalId: 'g-1',
  ruleIds,
  tagKeys,
  version,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const ASSIGNMENT = {
  kind: 'assignment',
  permissionSetArn: PS,
  principalType: 'GROUP',
  principalId: 'g-1',
} as const;

beforeEach(() => ddbMock.reset());

describe('DynamoDbProvisionedStateRepository.recordApplied', () => {
  it('creates a new item and its tag copies in one conditional transaction', async () => {
    ddbMock.on(GetCommand).resolves({});
    ddbMock.on(TransactWriteCommand).resolves({});
    await repository().recordApplied('222222222222', {
      kind: 'attachment',
      policyId: 'p-1',
      ruleIds: ['r1'],
      tagKeys: ['env'],
    });
    const attributes = {
      accountId: '222222222222',
      kind: 'attachment',
      policyId: 'p-1',
      // An attachment given without a type is an SCP attachment.
      policyType: 'SERVICE_CONTROL_POLICY',
      ruleIds: ['r1'],
      tagKeys: ['env'],
      version: 1,
      updatedAt: NOW,
    };
    expect(ddbMock.commandCalls(TransactWriteCommand).map((c) => c.args[0].input)).toStrictEqual([
      {
        TransactItems: [
          {
            Put: {
              TableName: TABLE,
              Item: { pk: 'ACCOUNT#222222222222', sk: 'ITEM#SCP#p-1', ...attributes },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: TABLE,
              Item: {
                pk: 'ACCOUNT#222222222222',
                sk: 'TAG#env#ITEM#SCP#p-1',
                itemSk: 'ITEM#SCP#p-1',
                ...attributes,
              },
            },
          },
        ],
      },
    ]);
  });

  it('merges rule ids and tag keys with what is recorded, guarded by the version read', async () => {
    ddbMock.on(GetCommand).resolves({ Item: storedAssignment(3, ['a'], ['env']) });
    ddbMock.on(TransactWriteCommand).resolves({});
    await repository().recordApplied('222222222222', {
      ...ASSIGNMENT,
      ruleIds: ['b'],
      tagKeys: ['team'],
    });
    const input = ddbMock.commandCalls(TransactWriteCommand)[0]?.args[0].input;
    expect(
      input?.TransactItems?.map((item) => [
        item.Put?.Item?.['sk'],
        item.Put?.Item?.['ruleIds'],
        item.Put?.Item?.['tagKeys'],
        item.Put?.Item?.['version'],
        item.Put?.ConditionExpression,
        item.Put?.ExpressionAttributeValues,
      ]),
    ).toStrictEqual([
      [ASSIGNMENT_SK, ['a', 'b'], ['env', 'team'], 4, 'version = :v', { ':v': 3 }],
      [`TAG#env#${ASSIGNMENT_SK}`, ['a', 'b'], ['env', 'team'], 4, undefined, undefined],
      [`TAG#team#${ASSIGNMENT_SK}`, ['a', 'b'], ['env', 'team'], 4, undefined, undefined],
    ]);
  });

  it('writes nothing when the rule ids and tag keys are already recorded', async () => {
    ddbMock.on(GetCommand).resolves({ Item: storedAssignment(3, ['a', 'b'], ['env']) });
    await repository().recordApplied('222222222222', {
      ...ASSIGNMENT,
      ruleIds: ['b'],
      tagKeys: ['env'],
    });
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('re-reads and retries when another writer changed the item first', async () => {
    ddbMock
      .on(GetCommand)
      .resolvesOnce({ Item: storedAssignment(1, ['a'], []) })
      .resolves({ Item: storedAssignment(2, ['a', 'c'], []) });
    ddbMock.on(TransactWriteCommand).rejectsOnce(conditionFailed()).resolves({});
    await repository().recordApplied('222222222222', {
      ...ASSIGNMENT,
      ruleIds: ['b'],
      tagKeys: [],
    });
    const puts = ddbMock
      .commandCalls(TransactWriteCommand)
      .map((c) => c.args[0].input.TransactItems?.[0]?.Put);
    expect(
      puts.map((put) => [put?.Item?.['ruleIds'], put?.ExpressionAttributeValues]),
    ).toStrictEqual([
      [['a', 'b'], { ':v': 1 }],
      [['a', 'b', 'c'], { ':v': 2 }],
    ]);
  });

  it('gives up with VersionConflict after maxConflictAttempts', async () => {
    ddbMock.on(GetCommand).resolves({});
    ddbMock.on(TransactWriteCommand).rejects(conditionFailed());
    await expect(
      repository(2).recordApplied('222222222222', {
        kind: 'attachment',
        policyId: 'p-1',
        ruleIds: ['r'],
        tagKeys: [],
      }),
    ).rejects.toMatchObject({
      code: 'VersionConflict',
      retryable: true,
      message: 'Provisioned state of 222222222222 kept changing during 2 attempts',
    });
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });

  it('retries a TransactionConflict as throttling without re-reading', async () => {
    ddbMock.on(GetCommand).resolves({});
    ddbMock
      .on(TransactWriteCommand)
      .rejectsOnce(
        new TransactionCanceledException({
          message: 'x',
          $metadata: {},
          CancellationReasons: [{ Code: 'TransactionConflict' }],
        }),
      )
      .resolves({});
    await repository().recordApplied('222222222222', {
      kind: 'attachment',
      policyId: 'p-1',
      ruleIds: ['r'],
      tagKeys: [],
    });
    expect([
      ddbMock.commandCalls(GetCommand).length,
      ddbMock.commandCalls(TransactWriteCommand).length,
    ]).toStrictEqual([1, 2]);
  });
});

describe('DynamoDbProvisionedStateRepository.recordRemoved', () => {
  it('deletes the item (guarded by version) and its tag copies', async () => {
    ddbMock.on(GetCommand).resolves({ Item: storedAssignment(5, ['a'], ['env']) });
    ddbMock.on(TransactWriteCommand).resolves({});
    await repository().recordRemoved('222222222222', ASSIGNMENT);
    expect(ddbMock.commandCalls(TransactWriteCommand)[0]?.args[0].input).toStrictEqual({
      TransactItems: [
        {
          Delete: {
            TableName: TABLE,
            Key: { pk: 'ACCOUNT#222222222222', sk: ASSIGNMENT_SK },
            ConditionExpression: 'version = :v',
            ExpressionAttributeValues: { ':v': 5 },
          },
        },
        {
          Delete: {
            TableName: TABLE,
            Key: { pk: 'ACCOUNT#222222222222', sk: `TAG#env#${ASSIGNMENT_SK}` },
          },
        },
      ],
    });
  });

  it('is a no-op for an unknown item', async () => {
    ddbMock.on(GetCommand).resolves({});
    await repository().recordRemoved('222222222222', { kind: 'attachment', policyId: 'p-x' });
    expect(ddbMock.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});

describe('DynamoDbProvisionedStateRepository reads', () => {
  it('getAccount queries the ITEM# rows of the account', async () => {
    ddbMock.on(QueryCommand).resolves({ Items: [storedAssignment(1, ['a'], ['env'])] });
    expect(await repository().getAccount('222222222222')).toStrictEqual({
      accountId: '222222222222',
      items: [{ ...ASSIGNMENT, ruleIds: ['a'], tagKeys: ['env'] }],
    });
    expect(definedFields(ddbMock.commandCalls(QueryCommand)[0]?.args[0].input)).toStrictEqual({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :item)',
      ExpressionAttributeValues: { ':pk': 'ACCOUNT#222222222222', ':item': 'ITEM#' },
      ConsistentRead: true,
    });
  });

  it('findByTagKey reads the tag copies with one key-condition query', async () => {
    ddbMock.on(QueryCommand).resolves({
      Items: [{ ...storedAssignment(1, ['a'], ['env']), sk: `TAG#env#${ASSIGNMENT_SK}` }],
    });
    expect(await repository().findByTagKey('222222222222', 'env')).toStrictEqual([
      { ...ASSIGNMENT, ruleIds: ['a'], tagKeys: ['env'] },
    ]);
    expect(
      ddbMock.commandCalls(QueryCommand)[0]?.args[0].input.ExpressionAttributeValues,
    ).toStrictEqual({
      ':pk': 'ACCOUNT#222222222222',
      ':tag': 'TAG#env#',
    });
  });

  it('listAll groups every page of items by account, sorted (an item without policyType is an SCP attachment)', async () => {
    ddbMock
      .on(ScanCommand)
      .resolvesOnce({
        Items: [
          {
            pk: 'ACCOUNT#333333333333',
            sk: 'ITEM#SCP#p-2',
            accountId: '333333333333',
            kind: 'attachment',
            policyId: 'p-2',
            policyType: 'RESOURCE_CONTROL_POLICY',
            ruleIds: ['r'],
            tagKeys: [],
          },
        ],
        LastEvaluatedKey: { pk: 'x', sk: 'y' },
      })
      .resolves({
        Items: [
          {
            pk: 'ACCOUNT#222222222222',
            sk: 'ITEM#SCP#p-1',
            accountId: '222222222222',
            kind: 'attachment',
            policyId: 'p-1',
            ruleIds: ['r'],
            tagKeys: [],
          },
        ],
      });
    expect(await repository().listAll()).toStrictEqual([
      {
        accountId: '222222222222',
        items: [
          {
            kind: 'attachment',
            policyId: 'p-1',
            policyType: 'SERVICE_CONTROL_POLICY',
            ruleIds: ['r'],
            tagKeys: [],
          },
        ],
      },
      {
        accountId: '333333333333',
        items: [
          {
            kind: 'attachment',
            policyId: 'p-2',
            policyType: 'RESOURCE_CONTROL_POLICY',
            ruleIds: ['r'],
            tagKeys: [],
          },
        ],
      },
    ]);
  });

  it('reports a malformed item as UnexpectedResponse', async () => {
    ddbMock
      .on(QueryCommand)
      .resolves({ Items: [{ pk: 'ACCOUNT#1', sk: 'ITEM#?', kind: 'mystery' }] });
    await expect(repository().getAccount('1')).rejects.toMatchObject({
      code: 'UnexpectedResponse',
      message: 'Malformed provisioned-state item ITEM#?',
    });
  });

  it('forgetAccount batch-deletes every row of the account', async () => {
    ddbMock.on(QueryCommand).resolves({
      Items: [
        { pk: 'ACCOUNT#1', sk: 'ITEM#SCP#p' },
        { pk: 'ACCOUNT#1', sk: 'TAG#env#ITEM#SCP#p' },
      ],
    });
    ddbMock.on(BatchWriteCommand).resolves({});
    await repository().forgetAccount('1');
    expect(ddbMock.commandCalls(BatchWriteCommand)[0]?.args[0].input).toStrictEqual({
      RequestItems: {
        [TABLE]: [
          { DeleteRequest: { Key: { pk: 'ACCOUNT#1', sk: 'ITEM#SCP#p' } } },
          { DeleteRequest: { Key: { pk: 'ACCOUNT#1', sk: 'TAG#env#ITEM#SCP#p' } } },
        ],
      },
    });
  });
});

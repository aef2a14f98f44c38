import { createTableInput, TABLE_DESIGNS } from '../src';

describe('createTableInput', () => {
  it('creates the rules table with its scope index', () => {
    expect(createTableInput(TABLE_DESIGNS.rules, 'rules')).toStrictEqual({
      TableName: 'rules',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['pk', 'sk', 'scopeKey', 'scopeSort'].map((name) => ({
        AttributeName: name,
        AttributeType: 'S',
      })),
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byScope',
          KeySchema: [
            { AttributeName: 'scopeKey', KeyType: 'HASH' },
            { AttributeName: 'scopeSort', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
  });

  it('creates the idempotency table with a partition key only and no index', () => {
    expect(createTableInput(TABLE_DESIGNS.idempotency, 'markers')).toStrictEqual({
      TableName: 'markers',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    });
  });

  it('gives the audit and idempotency tables a TTL attribute, the others none', () => {
    expect(
      Object.fromEntries(
        Object.entries(TABLE_DESIGNS).map(([name, design]) => [
          name,
          'ttlAttribute' in design ? design.ttlAttribute : undefined,
        ]),
      ),
    ).toStrictEqual({
      rules: undefined,
      state: undefined,
      audit: 'expiresAt',
      idempotency: 'expiresAt',
      tagLedger: undefined,
    });
  });

  it('keys the tag ledger by account and tag key, without indexes or expiry', () => {
    expect(createTableInput(TABLE_DESIGNS.tagLedger, 'ledger')).toStrictEqual({
      TableName: 'ledger',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    });
  });
});

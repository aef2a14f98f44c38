/**
 * The tag ledger against DynamoDB Local over HTTP: the newest change per account and key wins,
 * removals hide a value, and a full read pages through the table.
 */
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoDbClients } from '@org/emulators';
import { createTableInput, TAG_LEDGER_TABLE } from './table-designs';
import { DynamoDbTagLedgerStore } from './tag-ledger-store';

jest.setTimeout(60_000);

const TRUSTED = 'arn:aws:sts::111111111111:assumed-role/Platform/ci';
const OTHER = 'arn:aws:iam::111111111111:user/mallory';

describe('DynamoDbTagLedgerStore on DynamoDB Local', () => {
  it('keeps the newest change per tag, hides removed tags and reads the whole table', async () => {
    const clients = createDynamoDbClients();
    await clients.dynamodb.send(new CreateTableCommand(createTableInput(TAG_LEDGER_TABLE, 'tags')));
    const ledger = new DynamoDbTagLedgerStore(clients.documents, { tableName: 'tags' });
    await ledger.record([
      { accountId: '222222222222', key: 'env', value: 'prod', setBy: TRUSTED, setAt: 't2' },
      // Delivered late: older than the change above, so dropped.
      { accountId: '222222222222', key: 'env', value: 'dev', setBy: OTHER, setAt: 't1' },
      { accountId: '222222222222', key: 'team', value: 'a', setBy: OTHER, setAt: 't1' },
      { accountId: '222222222222', key: 'team', value: null, setBy: TRUSTED, setAt: 't3' },
    ]);
    const many = Array.from({ length: 120 }, (_, index) => ({
      accountId: String(300000000000 + index),
      key: 'env',
      value: 'x'.repeat(9000),
      setBy: TRUSTED,
      setAt: 't1',
    }));
    await ledger.record(many);
    const all = await ledger.entriesForAll();
    expect({
      some: await ledger.entriesFor(['222222222222', '999999999999']),
      all: all.length,
    }).toStrictEqual({
      some: [{ accountId: '222222222222', key: 'env', value: 'prod', setBy: TRUSTED, setAt: 't2' }],
      all: 121,
    });
  });
});

/** DynamoDbRunStore against DynamoDB Local (AWS's own engine). */
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { createTableInput, TABLE_DESIGNS } from '@org/contracts';
import { createDynamoDbClients } from '@org/emulators';
import { DynamoDbRunStore } from './dynamodb-run-store';

jest.setTimeout(60_000);

describe('DynamoDbRunStore', () => {
  it('keeps small and multi-part documents whole, per run, and knows what it never stored', async () => {
    const { dynamodb, documents } = createDynamoDbClients();
    await dynamodb.send(
      new CreateTableCommand(createTableInput(TABLE_DESIGNS.idempotency, 'runs')),
    );
    const runs = new DynamoDbRunStore(documents, { tableName: 'runs' });
    // Random-looking account ids compress poorly: well over one 350 KB part once gzipped.
    const large = Array.from({ length: 120_000 }, (_, i) => ({
      id: String((i * 7_919_777_777) % 999_999_999_999).padStart(12, '0'),
      tags: { n: String((i * 2_654_435_761) % 4_294_967_296) },
    }));
    await runs.put('run-1', 'shard/0', { accounts: large });
    await runs.put('run-1', 'run', { shardCount: 1 });
    await runs.put('run-2', 'run', { shardCount: 2 });
    expect({
      large: (await runs.get<{ accounts: unknown[] }>('run-1', 'shard/0'))?.accounts,
      run1: await runs.get('run-1', 'run'),
      run2: await runs.get('run-2', 'run'),
      never: await runs.get('run-1', 'summary'),
    }).toStrictEqual({ large, run1: { shardCount: 1 }, run2: { shardCount: 2 }, never: undefined });
  });
});

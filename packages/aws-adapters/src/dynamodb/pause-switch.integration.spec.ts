/**
 * The pause switch and the last-run record against DynamoDB Local over HTTP, in a
 * provisioned-state table they share with the per-account items.
 */
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoDbClients } from '@org/emulators';
import { DynamoDbPauseSwitch } from './pause-switch';
import { DynamoDbProvisionedStateRepository } from './provisioned-state-repository';
import { createTableInput, PROVISIONED_STATE_TABLE } from './table-designs';

jest.setTimeout(60_000);

const TABLE = 'state';

describe('DynamoDbPauseSwitch on DynamoDB Local', () => {
  it('pauses, resumes and records runs without touching the per-account state', async () => {
    const clients = createDynamoDbClients();
    await clients.dynamodb.send(
      new CreateTableCommand(createTableInput(PROVISIONED_STATE_TABLE, TABLE)),
    );
    const control = new DynamoDbPauseSwitch(clients.documents, { tableName: TABLE });
    const state = new DynamoDbProvisionedStateRepository(clients.documents, { tableName: TABLE });
    const before = await control.read();
    const paused = { paused: true, changedAt: 't1', changedBy: 'alice', reason: 'bad rules' };
    await control.set(paused);
    const whilePaused = await control.read();
    await control.set({ paused: false, changedAt: 't2', changedBy: 'bob', reason: null });
    const run = {
      runId: 'r-1',
      at: 't3',
      dryRun: true,
      driftCount: 2,
      enqueued: 0,
      heldDestructive: 0,
      paused: false,
    };
    const noRun = await control.lastRun();
    await control.recordRun(run);
    expect({
      before,
      whilePaused,
      after: await control.read(),
      noRun,
      lastRun: await control.lastRun(),
      accounts: await state.listAll(),
    }).toStrictEqual({
      before: { paused: false, changedAt: null, changedBy: null, reason: null },
      whilePaused: paused,
      after: { paused: false, changedAt: 't2', changedBy: 'bob', reason: null },
      noRun: null,
      lastRun: run,
      accounts: [],
    });
  });
});

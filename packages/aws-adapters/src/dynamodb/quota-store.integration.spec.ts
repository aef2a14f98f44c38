/**
 * The shared Identity Center quota in DynamoDB, under concurrent workers. Runs against DynamoDB
 * Local (AWS's own engine): moto does not serialize concurrent conditional writes.
 */
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { createTableInput, TABLE_DESIGNS } from '@org/contracts';
import { createDynamoDbClients } from '@org/emulators';
import { type Clock, IdentityCenterQuota } from '@org/governance-runtime';
import { DynamoDbQuotaStore } from './quota-store';

/** Real time: the workers race on the wall clock, as in Lambda. */
const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

jest.setTimeout(60_000);

async function quotaStore(): Promise<DynamoDbQuotaStore> {
  const { dynamodb, documents } = createDynamoDbClients();
  await dynamodb.send(new CreateTableCommand(createTableInput(TABLE_DESIGNS.idempotency, 'quota')));
  return new DynamoDbQuotaStore(documents, { tableName: 'quota' });
}

describe('DynamoDbQuotaStore', () => {
  it('never lets more than maxOutstandingCreates slots be held by concurrent workers, and serves every waiter', async () => {
    const store = await quotaStore();
    const quota = new IdentityCenterQuota(store, systemClock, {
      maxOutstandingCreates: 3,
      slotRetryMs: 20,
      maxWaitMs: 30_000,
    });
    let held = 0;
    let peak = 0;
    const served: string[] = [];
    await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const id = `assignment-${i}`;
        await quota.acquireCreateSlot(id);
        held += 1;
        peak = Math.max(peak, held);
        await systemClock.sleep(30);
        held -= 1;
        served.push(id);
        await quota.releaseCreateSlot(id);
      }),
    );
    expect({ peak: peak <= 3, served: served.length, heldAfter: held }).toStrictEqual({
      peak: true,
      served: 12,
      heldAfter: 0,
    });
  });

  it('gives at most the window limit of tokens per window', async () => {
    const store = await quotaStore();
    const results = await Promise.all(Array.from({ length: 10 }, () => store.tryTakeToken(42, 4)));
    expect(results.filter(Boolean).length).toBe(4);
  });

  it('counts each service budget in its own bucket', async () => {
    const store = await quotaStore();
    const take = (bucket?: string) =>
      Promise.all(Array.from({ length: 3 }, () => store.tryTakeToken(7, 2, bucket)));
    const [identityCenter, reads, writes] = await Promise.all([
      take(),
      take('organizations-reads'),
      take('organizations-writes'),
    ]);
    expect([identityCenter, reads, writes].map((r) => r.filter(Boolean).length)).toStrictEqual([
      2, 2, 2,
    ]);
  });
});

import { CreateTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ListAccountsCommand, ListRootsCommand } from '@aws-sdk/client-organizations';
import {
  createDynamoDbClients,
  createMotoClients,
  isPidAlive,
  type MotoServer,
  resetMoto,
  startDynamoDbLocal,
  startMoto,
  startProcess,
  type DynamoDbLocalServer,
} from '../src';
import { CreateOrganizationCommand } from '@aws-sdk/client-organizations';

jest.setTimeout(120_000);

describe('startProcess', () => {
  it('reports a missing command with its install hint', async () => {
    await expect(
      startProcess({
        name: 'moto',
        command: 'moto_server_not_installed_here',
        args: [],
        installHint: "Install it with: pip install 'moto[server]'",
      }),
    ).rejects.toMatchObject({
      code: 'EmulatorMissing',
      message: `moto: "moto_server_not_installed_here" was not found. Install it with: pip install 'moto[server]'`,
    });
  });
});

describe('moto and DynamoDB Local', () => {
  let moto: MotoServer;
  let dynamodb: DynamoDbLocalServer;

  beforeAll(async () => {
    [moto, dynamodb] = await Promise.all([startMoto(), startDynamoDbLocal()]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([moto?.stop(), dynamodb?.stop()]);
  });

  it('binds both to 127.0.0.1 on free ports', () => {
    expect([moto.endpoint, dynamodb.endpoint].map((url) => new URL(url).hostname)).toStrictEqual([
      '127.0.0.1',
      '127.0.0.1',
    ]);
    expect(dynamodb.loopbackOnly).toBe(true);
  });

  it('serves moto accounts in isolation and resets them', async () => {
    const first = createMotoClients('111122223333', { endpoint: moto.endpoint });
    const second = createMotoClients('444455556666', { endpoint: moto.endpoint });
    await first.organizations.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const firstAccounts = await first.organizations.send(new ListAccountsCommand({}));
    await expect(second.organizations.send(new ListRootsCommand({}))).rejects.toMatchObject({
      name: 'AWSOrganizationsNotInUseException',
    });
    await resetMoto(moto.endpoint);
    await expect(first.organizations.send(new ListRootsCommand({}))).rejects.toMatchObject({
      name: 'AWSOrganizationsNotInUseException',
    });
    expect(firstAccounts.Accounts?.map((account) => account.Id)).toStrictEqual(['111122223333']);
  });

  it('keeps one DynamoDB Local database per namespace', async () => {
    const a = createDynamoDbClients('namespace-a', { endpoint: dynamodb.endpoint });
    const b = createDynamoDbClients('namespace-b', { endpoint: dynamodb.endpoint });
    await a.dynamodb.send(
      new CreateTableCommand({
        TableName: 'tbl',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    );
    const tables = await Promise.all([a, b].map((c) => c.dynamodb.send(new ListTablesCommand({}))));
    expect(tables.map((t) => t.TableNames)).toStrictEqual([['tbl'], []]);
  });

  it('stops by PID and leaves no process behind', async () => {
    const extra = await startMoto();
    const pid = extra.process.pid;
    expect(isPidAlive(pid)).toBe(true);
    await extra.stop();
    expect(isPidAlive(pid)).toBe(false);
  });
});

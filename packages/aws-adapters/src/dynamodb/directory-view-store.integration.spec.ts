/**
 * The directory view store against DynamoDB Local over HTTP, in a provisioned-state table it
 * shares with the per-account items.
 */
import { CreateTableCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoDbClients, type DynamoDbClients } from '@org/emulators';
import type { ProvisionedItem, StoredDirectoryView } from '@org/governance-runtime';
import { DynamoDbDirectoryViewStore } from './directory-view-store';
import { DynamoDbProvisionedStateRepository } from './provisioned-state-repository';
import { createTableInput, PROVISIONED_STATE_TABLE } from './table-designs';

jest.setTimeout(60_000);

const TABLE = 'state';
const FAST = { maxAttempts: 5, baseDelayMs: 5, maxDelayMs: 50 };
const PS = 'arn:aws:sso:::permissionSet/ssoins-1/ps-ro';
const VIEW: StoredDirectoryView = {
  permissionSets: [
    { name: 'ReadOnly', arn: PS },
    { name: 'PowerUser', arn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-pu' },
  ],
  principals: [
    { type: 'GROUP', name: 'Auditors', id: 'g-auditors' },
    { type: 'USER', name: 'alice@example.com', id: 'u-alice' },
  ],
  readAt: '2026-11-01T00:00:00.000Z',
};
const ASSIGNMENT: ProvisionedItem = {
  kind: 'assignment',
  permissionSetArn: PS,
  principalType: 'GROUP',
  principalId: 'g-auditors',
  ruleIds: ['auditors-readonly'],
  tagKeys: [],
};

let clients: DynamoDbClients;
let views: DynamoDbDirectoryViewStore;
let state: DynamoDbProvisionedStateRepository;

beforeAll(async () => {
  clients = createDynamoDbClients();
  await clients.dynamodb.send(
    new CreateTableCommand(createTableInput(PROVISIONED_STATE_TABLE, TABLE)),
  );
  views = new DynamoDbDirectoryViewStore(clients.documents, {
    tableName: TABLE,
    retryPolicy: FAST,
  });
  state = new DynamoDbProvisionedStateRepository(clients.documents, {
    tableName: TABLE,
    retryPolicy: FAST,
  });
});

describe('DynamoDbDirectoryViewStore on DynamoDB Local', () => {
  it('loads nothing before the first save, then the view saved, in its documented item', async () => {
    const before = await views.load();
    await views.save(VIEW);
    const raw = await clients.dynamodb.send(
      new GetItemCommand({
        TableName: TABLE,
        Key: { pk: { S: 'IDENTITY_CENTER' }, sk: { S: 'DIRECTORY_VIEW' } },
        ConsistentRead: true,
      }),
    );
    expect({ before, loaded: await views.load(), item: raw.Item }).toStrictEqual({
      before: null,
      loaded: VIEW,
      item: {
        pk: { S: 'IDENTITY_CENTER' },
        sk: { S: 'DIRECTORY_VIEW' },
        permissionSets: {
          L: VIEW.permissionSets.map(({ name, arn }) => ({
            M: { name: { S: name }, arn: { S: arn } },
          })),
        },
        principals: {
          L: VIEW.principals.map(({ type, name, id }) => ({
            M: { type: { S: type }, name: { S: name }, id: { S: id } },
          })),
        },
        readAt: { S: VIEW.readAt },
      },
    });
  });

  it('replaces the view on each save', async () => {
    const next: StoredDirectoryView = {
      permissionSets: VIEW.permissionSets.slice(0, 1),
      principals: [],
      readAt: '2026-11-02T00:00:00.000Z',
    };
    await views.save(VIEW);
    await views.save(next);
    expect(await views.load()).toStrictEqual(next);
  });

  it('shares the table with the provisioned state without either seeing the other', async () => {
    await views.save(VIEW);
    await state.recordApplied('222222222222', ASSIGNMENT);
    const listed = await state.listAll();
    await state.forgetAccount('222222222222');
    expect({
      listed: listed.map((account) => account.accountId),
      afterForget: await state.listAll(),
      view: await views.load(),
    }).toStrictEqual({ listed: ['222222222222'], afterForget: [], view: VIEW });
  });
});

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredDirectoryView } from '@org/governance-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { FAST_RETRY } from '../../test/support/fast-retry';
import { ThrottledError, UnexpectedResponseError } from '../errors';
import { DynamoDbDirectoryViewStore } from './directory-view-store';

const documents = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const TABLE = 'org-governance-state';
const KEY = { pk: 'IDENTITY_CENTER', sk: 'DIRECTORY_VIEW' };

const VIEW: StoredDirectoryView = {
  permissionSets: [{ name: 'ReadOnly', arn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-ro' }],
  principals: [{ type: 'GROUP', name: 'Auditors', id: 'g-auditors' }],
  readAt: '2026-11-01T00:00:00.000Z',
};

/** A store whose retries do not sleep. */
function store(): DynamoDbDirectoryViewStore {
  return new DynamoDbDirectoryViewStore(client, { tableName: TABLE, retryPolicy: FAST_RETRY });
}

beforeEach(() => documents.reset());

describe('DynamoDbDirectoryViewStore', () => {
  it.each([
    { name: 'no item yet', item: undefined, view: null },
    { name: 'a stored view', item: { ...KEY, ...VIEW }, view: VIEW },
    {
      name: 'a view stored before any read time was kept',
      item: { ...KEY, permissionSets: [], principals: [] },
      view: { permissionSets: [], principals: [], readAt: null },
    },
  ])('loads $name with one GetItem', async ({ item, view }) => {
    documents.on(GetCommand).resolves(item === undefined ? {} : { Item: item });
    const loaded = await store().load();
    expect({
      loaded,
      calls: documents.commandCalls(GetCommand).map((call) => call.args[0].input),
    }).toStrictEqual({ loaded: view, calls: [{ TableName: TABLE, Key: KEY }] });
  });

  it.each([
    {
      name: 'a list that is not one',
      item: { ...KEY, permissionSets: 'x', principals: [] },
      message: 'directory view item: permissionSets is not a list',
    },
    {
      name: 'a principal of an unknown type',
      item: { ...KEY, permissionSets: [], principals: [{ type: 'ROLE', name: 'x', id: 'y' }] },
      message: 'directory view item: principals[0] is malformed',
    },
    {
      name: 'a permission set without an ARN',
      item: { ...KEY, permissionSets: [{ name: 'ReadOnly' }], principals: [] },
      message: 'directory view item: permissionSets[0] is malformed',
    },
  ])('refuses $name, naming the field', async ({ item, message }) => {
    documents.on(GetCommand).resolves({ Item: item });
    const error = await store()
      .load()
      .catch((e: unknown) => e);
    expect({
      isUnexpected: error instanceof UnexpectedResponseError,
      code: (error as UnexpectedResponseError).code,
      retryable: (error as UnexpectedResponseError).retryable,
      message: (error as Error).message,
      context: (error as UnexpectedResponseError).context,
    }).toStrictEqual({
      isUnexpected: true,
      code: 'UnexpectedResponse',
      retryable: false,
      message,
      context: { operation: 'GetItem', tableName: TABLE },
    });
  });

  it('saves the view as one put of a BatchWriteItem, again while it comes back unprocessed', async () => {
    const put = { PutRequest: { Item: { ...KEY, ...VIEW } } };
    documents
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { [TABLE]: [put] } })
      .resolves({ UnprocessedItems: {} });
    await store().save(VIEW);
    expect(
      documents.commandCalls(BatchWriteCommand).map((call) => call.args[0].input),
    ).toStrictEqual([{ RequestItems: { [TABLE]: [put] } }, { RequestItems: { [TABLE]: [put] } }]);
  });

  it('fails retryably when the write stays unprocessed', async () => {
    const put = { PutRequest: { Item: { ...KEY, ...VIEW } } };
    documents.on(BatchWriteCommand).resolves({ UnprocessedItems: { [TABLE]: [put] } });
    const error = await store()
      .save(VIEW)
      .catch((e: unknown) => e);
    expect({
      isThrottled: error instanceof ThrottledError,
      message: (error as Error).message,
      retryable: (error as ThrottledError).retryable,
      context: (error as ThrottledError).context,
      attempts: documents.commandCalls(BatchWriteCommand).length,
    }).toStrictEqual({
      isThrottled: true,
      message: 'BatchWriteItem left the directory view unprocessed 3 times',
      retryable: true,
      context: { operation: 'BatchWriteItem', tableName: TABLE },
      attempts: 3,
    });
  });

  it('translates an SDK error into a typed adapter error', async () => {
    documents
      .on(GetCommand)
      .rejects(Object.assign(new Error('no access'), { name: 'AccessDeniedException' }));
    const error = await store()
      .load()
      .catch((e: unknown) => e);
    expect({
      code: (error as { code?: string }).code,
      retryable: (error as { retryable?: boolean }).retryable,
    }).toStrictEqual({ code: 'AccessDenied', retryable: false });
  });
});

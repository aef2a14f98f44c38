import {
  AccessDeniedException,
  DescribeGroupCommand,
  DescribeUserCommand,
  GetGroupIdCommand,
  GetUserIdCommand,
  IdentitystoreClient,
  ResourceNotFoundException,
  ThrottlingException,
} from '@aws-sdk/client-identitystore';
import { mockClient } from 'aws-sdk-client-mock';
import { FAST_RETRY, sdkError } from '../../test/support/fast-retry';
import { DirectoryAdapter } from './directory-adapter';

const storeMock = mockClient(IdentitystoreClient);
const client = new IdentitystoreClient({ region: 'us-east-1' });

beforeEach(() => storeMock.reset());

describe('DirectoryAdapter.findPrincipal', () => {
  it('resolves a group by display name', async () => {
    storeMock.on(GetGroupIdCommand).resolves({ GroupId: 'g-1', IdentityStoreId: 'd-1' });
    const directory = new DirectoryAdapter(client, 'd-1', { retryPolicy: FAST_RETRY });
    expect(await directory.findPrincipal('GROUP', 'Auditors')).toStrictEqual({
      type: 'GROUP',
      name: 'Auditors',
      id: 'g-1',
    });
    expect(
      storeMock.commandCalls(GetGroupIdCommand).map((call) => call.args[0].input),
    ).toStrictEqual([
      {
        IdentityStoreId: 'd-1',
        AlternateIdentifier: {
          UniqueAttribute: { AttributePath: 'displayName', AttributeValue: 'Auditors' },
        },
      },
    ]);
  });

  it('resolves a user by user name', async () => {
    storeMock.on(GetUserIdCommand).resolves({ UserId: 'u-1', IdentityStoreId: 'd-1' });
    const directory = new DirectoryAdapter(client, 'd-1', { retryPolicy: FAST_RETRY });
    expect(await directory.findPrincipal('USER', 'jdoe')).toStrictEqual({
      type: 'USER',
      name: 'jdoe',
      id: 'u-1',
    });
    expect(
      storeMock.commandCalls(GetUserIdCommand).map((call) => call.args[0].input),
    ).toStrictEqual([
      {
        IdentityStoreId: 'd-1',
        AlternateIdentifier: {
          UniqueAttribute: { AttributePath: 'userName', AttributeValue: 'jdoe' },
        },
      },
    ]);
  });

  it('reports a missing principal as null, distinct from errors', async () => {
    storeMock.on(GetGroupIdCommand).rejects(sdkError(ResourceNotFoundException));
    const directory = new DirectoryAdapter(client, 'd-1', { retryPolicy: FAST_RETRY });
    expect(await directory.findPrincipal('GROUP', 'Nobody')).toBeNull();
  });

  it('throws AccessDenied instead of pretending the principal is missing', async () => {
    storeMock.on(GetUserIdCommand).rejects(sdkError(AccessDeniedException, 403));
    const directory = new DirectoryAdapter(client, 'd-1', { retryPolicy: FAST_RETRY });
    await expect(directory.findPrincipal('USER', 'jdoe')).rejects.toMatchObject({
      code: 'AccessDenied',
    });
  });

  it('retries throttling, then throws Throttled', async () => {
    storeMock.on(GetGroupIdCommand).rejects(sdkError(ThrottlingException));
    const directory = new DirectoryAdapter(client, 'd-1', { retryPolicy: FAST_RETRY });
    await expect(directory.findPrincipal('GROUP', 'Auditors')).rejects.toMatchObject({
      code: 'Throttled',
    });
    expect(storeMock.commandCalls(GetGroupIdCommand)).toHaveLength(3);
  });

  it('caches hits and misses until the TTL passes, but not failures', async () => {
    let now = 0;
    storeMock
      .on(GetGroupIdCommand)
      .rejectsOnce(sdkError(AccessDeniedException, 403))
      .resolvesOnce({ GroupId: 'g-1' })
      .rejects(sdkError(ResourceNotFoundException));
    const directory = new DirectoryAdapter(client, 'd-1', {
      retryPolicy: FAST_RETRY,
      cacheTtlMs: 10,
      now: () => now,
    });
    await expect(directory.findPrincipal('GROUP', 'Auditors')).rejects.toMatchObject({
      code: 'AccessDenied',
    });
    const found = await directory.findPrincipal('GROUP', 'Auditors');
    const cached = await directory.findPrincipal('GROUP', 'Auditors');
    now = 10;
    const expired = await directory.findPrincipal('GROUP', 'Auditors');
    expect([found, cached, expired]).toStrictEqual([
      { type: 'GROUP', name: 'Auditors', id: 'g-1' },
      { type: 'GROUP', name: 'Auditors', id: 'g-1' },
      null,
    ]);
    expect(storeMock.commandCalls(GetGroupIdCommand)).toHaveLength(3);
  });

  it('resolves the identity store id lazily, once', async () => {
    storeMock.on(GetUserIdCommand).resolves({ UserId: 'u-1' });
    const source = jest.fn(() => Promise.resolve('d-lazy'));
    const directory = new DirectoryAdapter(client, source, { retryPolicy: FAST_RETRY });
    await directory.findPrincipal('USER', 'a');
    await directory.findPrincipal('USER', 'b');
    expect(source).toHaveBeenCalledTimes(1);
    expect(
      storeMock.commandCalls(GetUserIdCommand).map((c) => c.args[0].input.IdentityStoreId),
    ).toStrictEqual(['d-lazy', 'd-lazy']);
  });
});

describe('DirectoryAdapter.getPrincipal', () => {
  it('describes a group by id', async () => {
    storeMock
      .on(DescribeGroupCommand)
      .resolves({ GroupId: 'g-1', DisplayName: 'Auditors', IdentityStoreId: 'd-1' });
    const directory = new DirectoryAdapter(client, 'd-1', { retryPolicy: FAST_RETRY });
    expect(await directory.getPrincipal('GROUP', 'g-1')).toStrictEqual({
      type: 'GROUP',
      name: 'Auditors',
      id: 'g-1',
    });
  });

  it('describes a user by id', async () => {
    storeMock
      .on(DescribeUserCommand)
      .resolves({ UserId: 'u-1', UserName: 'jdoe', IdentityStoreId: 'd-1' });
    const directory = new DirectoryAdapter(client, 'd-1', { retryPolicy: FAST_RETRY });
    expect(await directory.getPrincipal('USER', 'u-1')).toStrictEqual({
      type: 'USER',
      name: 'jdoe',
      id: 'u-1',
    });
  });

  it('returns null for an unknown id', async () => {
    storeMock.on(DescribeUserCommand).rejects(sdkError(ResourceNotFoundException));
    const directory = new DirectoryAdapter(client, 'd-1', { retryPolicy: FAST_RETRY });
    expect(await directory.getPrincipal('USER', 'u-x')).toBeNull();
  });

  it('reports a group without display name as UnexpectedResponse', async () => {
    storeMock.on(DescribeGroupCommand).resolves({ GroupId: 'g-1', IdentityStoreId: 'd-1' });
    const directory = new DirectoryAdapter(client, 'd-1', { retryPolicy: FAST_RETRY });
    await expect(directory.getPrincipal('GROUP', 'g-1')).rejects.toMatchObject({
      code: 'UnexpectedResponse',
      context: { principalId: 'g-1' },
    });
  });
});

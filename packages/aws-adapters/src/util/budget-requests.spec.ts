import {
  AttachPolicyCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { Readable } from 'node:stream';
import { budgetRequests, isReadCommand, organizationsBudget, type RequestBudget } from '.';

/** A budget that records which requests waited on it. */
function recordingBudget(name: string, log: string[]): RequestBudget {
  return { beforeRequest: async () => void log.push(name) };
}

/** An Organizations client answering `{}` to everything, with the request log behind it. */
function organizationsClient(sent: string[]): OrganizationsClient {
  return new OrganizationsClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
    requestHandler: {
      handle: async () => {
        sent.push('sent');
        return {
          response: { statusCode: 200, headers: {}, body: Readable.from([Buffer.from('{}')]) },
        };
      },
    },
  });
}

describe('budgetRequests', () => {
  it('takes a token of the command’s budget before each request is sent', async () => {
    const log: string[] = [];
    const client = organizationsClient(log);
    budgetRequests(
      client,
      organizationsBudget({
        organizationsReads: recordingBudget('read', log),
        organizationsWrites: recordingBudget('write', log),
      }),
    );
    await client.send(new ListRootsCommand({}));
    await client.send(new ListTagsForResourceCommand({ ResourceId: '222222222222' }));
    await client.send(new AttachPolicyCommand({ PolicyId: 'p-aaaa1111', TargetId: 'ou-1' }));
    expect(log).toStrictEqual(['read', 'sent', 'read', 'sent', 'write', 'sent']);
  });

  it('a request the budget refuses is never sent', async () => {
    const sent: string[] = [];
    const client = organizationsClient(sent);
    budgetRequests(client, () => ({
      beforeRequest: () => Promise.reject(new Error('no token')),
    }));
    await expect(client.send(new ListRootsCommand({}))).rejects.toThrow('no token');
    expect(sent).toStrictEqual([]);
  });

  it.each([
    ['ListPoliciesForTargetCommand', true],
    ['DescribeAccountCommand', true],
    ['DetachPolicyCommand', false],
    ['TagResourceCommand', false],
  ])('%s is a read: %s', (command, read) => {
    expect(isReadCommand(command)).toBe(read);
  });
});

import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Operation } from '@org/scope-engine';
import type { OperationMessage } from '@org/governance-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { FAST_RETRY } from '../../test/support/fast-retry';
import { sha256OfCanonicalJson } from '../util';
import {
  decodeOperationMessage,
  deduplicationIdOf,
  encodeOperationMessage,
} from './operation-message';
import { SqsOperationQueue } from './sqs-operation-queue';

const sqsMock = mockClient(SQSClient);
const client = new SQSClient({ region: 'us-east-1' });
const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/111111111111/operations.fifo';

const attach = (accountId: string, policyId = 'p-1'): Operation => ({
  type: 'attachPolicy',
  policyType: 'SERVICE_CONTROL_POLICY',
  accountId,
  policyId,
  ruleIds: ['baseline'],
});

function queue(): SqsOperationQueue {
  return new SqsOperationQueue(client, { queueUrl: QUEUE_URL, retryPolicy: FAST_RETRY });
}

beforeEach(() => sqsMock.reset());

describe('SqsOperationQueue.send', () => {
  it('sends chunks of 10 with group = account id and dedup id = hash of operation and cause', async () => {
    sqsMock.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    const messages = Array.from({ length: 23 }, (_, i) => ({
      eventId: 'e-1',
      operation: attach(String(100000000000 + i)),
    }));
    await queue().send(messages);
    const batches = sqsMock.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input);
    expect(batches.map((batch) => batch.Entries?.length)).toStrictEqual([10, 10, 3]);
    expect(batches[2]).toStrictEqual({
      QueueUrl: QUEUE_URL,
      Entries: messages.slice(20).map((message, index) => ({
        Id: String(index),
        MessageBody: JSON.stringify({ eventId: 'e-1', operation: message.operation }),
        MessageGroupId: message.operation.accountId,
        MessageDeduplicationId: sha256OfCanonicalJson({
          operation: message.operation,
          cause: 'e-1',
        }),
      })),
    });
  });

  it('sends nothing for no messages', async () => {
    await queue().send([]);
    expect(sqsMock.commandCalls(SendMessageBatchCommand)).toHaveLength(0);
  });

  it('re-sends only the entries that failed on the server side', async () => {
    sqsMock
      .on(SendMessageBatchCommand)
      .resolvesOnce({
        Successful: [{ Id: '0', MessageId: 'm0', MD5OfMessageBody: 'x' }],
        Failed: [{ Id: '1', SenderFault: false, Code: 'InternalError', Message: 'try again' }],
      })
      .resolves({ Successful: [{ Id: '1', MessageId: 'm1', MD5OfMessageBody: 'x' }], Failed: [] });
    await queue().send([
      { eventId: 'e', operation: attach('111111111111') },
      { eventId: 'e', operation: attach('222222222222') },
    ]);
    const retried = sqsMock.commandCalls(SendMessageBatchCommand)[1]?.args[0].input.Entries;
    expect(retried?.map((entry) => [entry.Id, entry.MessageGroupId])).toStrictEqual([
      ['1', '222222222222'],
    ]);
  });

  it('throws a retryable QueueSendError listing entries that kept failing', async () => {
    sqsMock.on(SendMessageBatchCommand).resolves({
      Successful: [],
      Failed: [{ Id: '0', SenderFault: false, Code: 'ServiceUnavailable', Message: 'busy' }],
    });
    const message: OperationMessage = { eventId: 'e', operation: attach('111111111111') };
    await expect(queue().send([message])).rejects.toMatchObject({
      name: 'QueueSendError',
      code: 'QueueSendFailed',
      retryable: true,
      message: '1 of 1 operation(s) could not be queued: ServiceUnavailable (111111111111)',
      failedEntries: [
        {
          messageGroupId: '111111111111',
          deduplicationId: deduplicationIdOf(message),
          errorCode: 'ServiceUnavailable',
          message: 'busy',
        },
      ],
    });
    expect(sqsMock.commandCalls(SendMessageBatchCommand)).toHaveLength(3);
  });

  it('does not retry sender faults and reports them as not retryable', async () => {
    sqsMock.on(SendMessageBatchCommand).resolves({
      Successful: [],
      Failed: [{ Id: '0', SenderFault: true, Code: 'InvalidParameterValue', Message: 'too big' }],
    });
    await expect(
      queue().send([{ eventId: 'e', operation: attach('111111111111') }]),
    ).rejects.toMatchObject({
      retryable: false,
    });
    expect(sqsMock.commandCalls(SendMessageBatchCommand)).toHaveLength(1);
  });

  it('translates a throttled call after retries', async () => {
    sqsMock
      .on(SendMessageBatchCommand)
      .rejects(Object.assign(new Error('slow'), { name: 'RequestThrottled' }));
    await expect(queue().send([{ eventId: 'e', operation: attach('1') }])).rejects.toMatchObject({
      code: 'Throttled',
      context: { operation: 'SendMessageBatch', queueUrl: QUEUE_URL },
    });
  });
});

describe('operation messages', () => {
  const createAssignment: Operation = {
    type: 'createAssignment',
    accountId: '222222222222',
    permissionSetArn: 'arn:ps',
    principalType: 'GROUP',
    principalId: 'g-1',
    ruleIds: ['a'],
  };

  it('round-trips a message with a pending request', () => {
    const message: OperationMessage = {
      eventId: null,
      operation: createAssignment,
      pending: { requestId: 'r-1', polls: 2, checks: 3 },
    };
    expect(decodeOperationMessage(encodeOperationMessage(message))).toStrictEqual(message);
  });

  it('dedup id differs for each re-queued status check, even with the same poll count', () => {
    const check = (checks: number) =>
      deduplicationIdOf({
        eventId: 'e-1',
        operation: createAssignment,
        pending: { requestId: 'r', polls: 1, checks },
      });
    expect(check(1) === check(2)).toBe(false);
  });

  it('dedup id includes the cause (event or run id) and the pending request', () => {
    const a = deduplicationIdOf({ eventId: 'e-1', operation: createAssignment });
    const b = deduplicationIdOf({ eventId: 'e-2', operation: { ...createAssignment } });
    const again = deduplicationIdOf({ eventId: 'e-1', operation: { ...createAssignment } });
    const c = deduplicationIdOf({
      eventId: 'e-1',
      operation: createAssignment,
      pending: { requestId: 'r', polls: 1 },
    });
    expect([a === b, a === again, a === c]).toStrictEqual([false, true, false]);
  });

  it('a message without a cause hashes the operation alone (as before causes existed)', () => {
    expect(deduplicationIdOf({ eventId: null, operation: createAssignment })).toBe(
      sha256OfCanonicalJson({ operation: createAssignment }),
    );
  });

  it.each([
    ['attachScp', 'attachPolicy', ['baseline']],
    ['detachScp', 'detachPolicy', []],
  ])('a v1 %s message decodes as the SCP operation %s', (v1, v2, ruleIds) => {
    const body = JSON.stringify({
      eventId: 'e-1',
      operation: { type: v1, accountId: '222222222222', policyId: 'p-aaaa1111', ruleIds },
    });
    expect(decodeOperationMessage(body)).toStrictEqual({
      eventId: 'e-1',
      operation: {
        type: v2,
        policyType: 'SERVICE_CONTROL_POLICY',
        accountId: '222222222222',
        policyId: 'p-aaaa1111',
        ruleIds,
      },
    });
  });

  it.each(['RESOURCE_CONTROL_POLICY', 'TAG_POLICY', 'BACKUP_POLICY'])(
    'a v2 %s operation round-trips through the message body',
    (policyType) => {
      const operation = { ...attach('222222222222', 'p-bbbb2222'), policyType } as Operation;
      const message = { eventId: 'e-2', operation };
      expect(decodeOperationMessage(encodeOperationMessage(message))).toStrictEqual(message);
    },
  );

  it('an old message body without a cause still decodes', () => {
    const body = JSON.stringify({ eventId: null, operation: createAssignment });
    expect(decodeOperationMessage(body)).toStrictEqual({
      eventId: null,
      operation: createAssignment,
    });
  });

  it.each([
    ['not json', 'body: expected JSON'],
    ['[]', 'body: expected an object'],
    ['{"eventId":1,"operation":{}}', 'eventId: expected a string or null'],
    ['{"eventId":"e"}', 'operation: expected an object'],
    [
      '{"eventId":"e","operation":{"type":"explode"}}',
      'operation.type: expected one of attachPolicy, detachPolicy, createAssignment, deleteAssignment, notify',
    ],
    [
      '{"eventId":"e","operation":{"type":"attachScp","accountId":"1"}}',
      'operation.policyId: expected a string',
    ],
    [
      '{"eventId":"e","operation":{"type":"attachPolicy","policyType":"NOT_A_TYPE","accountId":"1","policyId":"p","ruleIds":[]}}',
      'operation.policyType: expected an Organizations policy type',
    ],
    [
      '{"eventId":"e","operation":{"type":"detachPolicy","accountId":"1","policyId":"p","ruleIds":[]}}',
      'operation.policyType: expected a string',
    ],
    [
      '{"eventId":"e","operation":{"type":"detachScp","accountId":"1","policyId":"p"}}',
      'operation.ruleIds: expected an array of strings',
    ],
    [
      '{"eventId":"e","operation":{"type":"attachScp","accountId":"1","policyId":"p","ruleIds":[]},"pending":{}}',
      'pending.requestId: expected a string',
    ],
    [
      '{"eventId":"e","operation":{"type":"attachScp","accountId":"1","policyId":"p","ruleIds":[]},"pending":{"requestId":"r"}}',
      'pending.polls: expected a number',
    ],
    [
      '{"eventId":"e","operation":{"type":"attachScp","accountId":"1","policyId":"p","ruleIds":[]},"pending":{"requestId":"r","polls":1,"checks":"2"}}',
      'pending.checks: expected a number',
    ],
  ])('rejects %s', (body, problem) => {
    expect(() => decodeOperationMessage(body)).toThrow(`Malformed operation message: ${problem}`);
  });
});

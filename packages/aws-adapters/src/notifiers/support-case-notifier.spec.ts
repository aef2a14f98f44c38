import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateCaseCommand, SupportClient } from '@aws-sdk/client-support';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { FAST_RETRY, httpError } from '../../test/support/fast-retry';
import { DynamoDbIdempotencyStore } from '../dynamodb';
import { MarkerInProgressError } from '../errors';
import { SupportCaseNotifier } from './support-case-notifier';

const supportMock = mockClient(SupportClient);
const ddbMock = mockClient(DynamoDBDocumentClient);
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const usEast1 = new SupportClient({ region: 'us-east-1' });

const NOW = Date.parse('2026-03-01T00:00:00.000Z');
const LEASE_MS = 60_000;
const KEY = { pk: 'MARKER#supportCase#222222222222#ams-onboarding' };
const CASE = {
  accountId: '222222222222',
  notificationId: 'ams-onboarding',
  subject: 'New account 222222222222',
  body: 'Onboard it',
  serviceCode: 'service-ams-operations-service-request',
  categoryCode: 'onboarding-or-offboarding',
  severityCode: 'low',
};
const conditionFailed = (): Error =>
  Object.assign(new Error('cond'), { name: 'ConditionalCheckFailedException' });

beforeEach(() => {
  supportMock.reset();
  ddbMock.reset();
});

function notifier(region = 'us-east-1'): SupportCaseNotifier {
  const markers = new DynamoDbIdempotencyStore(documents, {
    tableName: 'idem',
    retryPolicy: FAST_RETRY,
    now: () => NOW,
    newToken: () => 'token-1',
  });
  const client = region === 'us-east-1' ? usEast1 : new SupportClient({ region });
  return new SupportCaseNotifier(client, markers, {
    retryPolicy: FAST_RETRY,
    claimLeaseMs: LEASE_MS,
  });
}

/** The calls made, in a comparable form. */
function calls(): Record<string, unknown> {
  return {
    createCase: supportMock.commandCalls(CreateCaseCommand).length,
    puts: ddbMock.commandCalls(PutCommand).length,
    completed: ddbMock.commandCalls(UpdateCommand).map((c) => c.args[0].input.Key),
    abandoned: ddbMock.commandCalls(DeleteCommand).map((c) => c.args[0].input),
  };
}

describe('SupportCaseNotifier with two-phase markers', () => {
  it('claims IN_PROGRESS with a lease, opens the case, then records it COMPLETED', async () => {
    supportMock.on(CreateCaseCommand).resolves({ caseId: 'case-1' });
    ddbMock.on(PutCommand).resolves({}).on(UpdateCommand).resolves({});
    expect(await notifier().openCase(CASE)).toStrictEqual({ status: 'sent', reference: 'case-1' });
    expect({
      put: ddbMock.commandCalls(PutCommand)[0]?.args[0].input,
      createCase: supportMock.commandCalls(CreateCaseCommand)[0]?.args[0].input,
      update: ddbMock.commandCalls(UpdateCommand)[0]?.args[0].input,
    }).toStrictEqual({
      put: {
        TableName: 'idem',
        Item: {
          ...KEY,
          state: 'IN_PROGRESS',
          token: 'token-1',
          claimedAt: '2026-03-01T00:00:00.000Z',
          leaseExpiresAt: NOW + LEASE_MS,
        },
        ConditionExpression:
          'attribute_not_exists(pk) OR (#state = :inProgress AND leaseExpiresAt < :nowMs) OR expiresAt < :nowSeconds',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':inProgress': 'IN_PROGRESS',
          ':nowMs': NOW,
          ':nowSeconds': NOW / 1000,
        },
      },
      createCase: {
        subject: CASE.subject,
        communicationBody: CASE.body,
        serviceCode: CASE.serviceCode,
        categoryCode: CASE.categoryCode,
        severityCode: CASE.severityCode,
        language: 'en',
      },
      update: {
        TableName: 'idem',
        Key: KEY,
        UpdateExpression: 'SET #state = :completed, #result = :result, completedAt = :at',
        ConditionExpression: '#token = :token',
        ExpressionAttributeNames: { '#state': 'state', '#result': 'result', '#token': 'token' },
        ExpressionAttributeValues: {
          ':completed': 'COMPLETED',
          ':result': 'case-1',
          ':at': '2026-03-01T00:00:00.000Z',
          ':token': 'token-1',
        },
      },
    });
  });

  it('records the event the case was opened for with its id', async () => {
    supportMock.on(CreateCaseCommand).resolves({ caseId: 'case-1' });
    ddbMock.on(PutCommand).resolves({}).on(UpdateCommand).resolves({});
    await notifier().openCase({ ...CASE, eventId: 'evt-1' });
    expect(
      ddbMock.commandCalls(UpdateCommand)[0]?.args[0].input.ExpressionAttributeValues?.[':result'],
    ).toBe('{"caseId":"case-1","eventId":"evt-1"}');
  });

  describe.each([
    [
      'COMPLETED with a case id',
      { ...KEY, state: 'COMPLETED', token: 't0', result: 'case-0' },
      { status: 'duplicate', reference: 'case-0' },
    ],
    [
      'COMPLETED with the case id and the event it was opened for',
      {
        ...KEY,
        state: 'COMPLETED',
        token: 't0',
        result: JSON.stringify({ caseId: 'case-0', eventId: 'evt-0' }),
      },
      { status: 'duplicate', reference: 'case-0', sentForEventId: 'evt-0' },
    ],
    [
      'a one-phase marker written by claim() (legacy)',
      { ...KEY, claimedAt: '2026-02-01T00:00:00.000Z' },
      { status: 'duplicate' },
    ],
  ])('a retry that finds %s', (_name, item, outcome) => {
    it('returns the recorded outcome without calling CreateCase', async () => {
      ddbMock.on(PutCommand).rejects(conditionFailed()).on(GetCommand).resolves({ Item: item });
      expect(await notifier().openCase(CASE)).toStrictEqual(outcome);
      expect(calls()).toStrictEqual({ createCase: 0, puts: 1, completed: [], abandoned: [] });
    });
  });

  it('raises a retryable MarkerInProgressError while another claim’s lease runs', async () => {
    const leaseExpiresAt = NOW + 1;
    ddbMock
      .on(PutCommand)
      .rejects(conditionFailed())
      .on(GetCommand)
      .resolves({ Item: { ...KEY, state: 'IN_PROGRESS', token: 'other', leaseExpiresAt } });
    const error: unknown = await notifier()
      .openCase(CASE)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MarkerInProgressError);
    expect({
      ...(error as MarkerInProgressError),
      message: (error as Error).message,
    }).toStrictEqual({
      name: 'MarkerInProgressError',
      code: 'MarkerInProgress',
      retryable: true,
      leaseExpiresAt,
      context: { operation: 'CreateCase', accountId: '222222222222' },
      message:
        'The Support case for account 222222222222 (notification ams-onboarding) is being opened by another invocation until 2026-03-01T00:00:00.001Z; retry later',
    });
    expect(calls()).toStrictEqual({ createCase: 0, puts: 1, completed: [], abandoned: [] });
  });

  it('takes over a claim whose lease expired between its put and its read', async () => {
    supportMock.on(CreateCaseCommand).resolves({ caseId: 'case-2' });
    ddbMock
      .on(PutCommand)
      .rejectsOnce(conditionFailed())
      .resolves({})
      .on(GetCommand)
      .resolves({
        Item: { ...KEY, state: 'IN_PROGRESS', token: 'crashed', leaseExpiresAt: NOW - 1 },
      })
      .on(UpdateCommand)
      .resolves({});
    expect(await notifier().openCase(CASE)).toStrictEqual({ status: 'sent', reference: 'case-2' });
    expect(calls()).toStrictEqual({ createCase: 1, puts: 2, completed: [KEY], abandoned: [] });
  });

  it('treats its own claim (a put whose response was lost) as claimed', async () => {
    supportMock.on(CreateCaseCommand).resolves({ caseId: 'case-3' });
    ddbMock
      .on(PutCommand)
      .rejects(conditionFailed())
      .on(GetCommand)
      .resolves({ Item: { ...KEY, state: 'IN_PROGRESS', token: 'token-1', leaseExpiresAt: NOW } })
      .on(UpdateCommand)
      .resolves({});
    expect(await notifier().openCase(CASE)).toStrictEqual({ status: 'sent', reference: 'case-3' });
  });

  it('fails with a retryable VersionConflict when the marker keeps vanishing', async () => {
    ddbMock.on(PutCommand).rejects(conditionFailed()).on(GetCommand).resolves({});
    await expect(notifier().openCase(CASE)).rejects.toMatchObject({
      code: 'VersionConflict',
      retryable: true,
    });
    expect(calls()).toStrictEqual({ createCase: 0, puts: 3, completed: [], abandoned: [] });
  });

  const abandon = {
    TableName: 'idem',
    Key: KEY,
    ConditionExpression: '#token = :token',
    ExpressionAttributeNames: { '#token': 'token' },
    ExpressionAttributeValues: { ':token': 'token-1' },
  };

  describe.each([
    ['rejected (SubscriptionRequiredException)', 'AwsServiceError', 1, [abandon]],
    ['throttled after every retry', 'Throttled', 3, [abandon]],
    ['answered 500 (the case may exist: the claim waits for its lease)', 'Transient', 3, []],
    ['answered without a case id', 'UnexpectedResponse', 1, [abandon]],
  ])('when CreateCase is %s', (_name, code, createCase, abandoned) => {
    it(`fails with ${code} and abandons the claim only when no case was opened`, async () => {
      const create = supportMock.on(CreateCaseCommand);
      if (code === 'AwsServiceError') {
        create.rejects(Object.assign(new Error('plan'), { name: 'SubscriptionRequiredException' }));
      } else if (code === 'Throttled') {
        create.rejects(httpError('ThrottlingException', 400));
      } else if (code === 'Transient') {
        create.rejects(httpError('InternalServerError', 500));
      } else {
        create.resolves({});
      }
      ddbMock.on(PutCommand).resolves({}).on(DeleteCommand).resolves({});
      await expect(notifier().openCase(CASE)).rejects.toMatchObject({
        code,
        context: { operation: 'CreateCase', accountId: '222222222222' },
      });
      expect(calls()).toStrictEqual({ createCase, puts: 1, completed: [], abandoned });
    });
  });

  it('ignores an abandon that finds the claim taken over by someone else', async () => {
    supportMock
      .on(CreateCaseCommand)
      .rejects(Object.assign(new Error('bad'), { name: 'CaseCreationLimitExceeded' }));
    ddbMock.on(PutCommand).resolves({}).on(DeleteCommand).rejects(conditionFailed());
    await expect(notifier().openCase(CASE)).rejects.toMatchObject({ code: 'AwsServiceError' });
  });

  it('reports the case sent when recording it fails (the case exists)', async () => {
    supportMock.on(CreateCaseCommand).resolves({ caseId: 'case-4' });
    ddbMock
      .on(PutCommand)
      .resolves({})
      .on(UpdateCommand)
      .rejects(Object.assign(new Error('no'), { name: 'AccessDeniedException' }));
    expect(await notifier().openCase(CASE)).toStrictEqual({ status: 'sent', reference: 'case-4' });
  });

  it('refuses a client outside us-east-1 before claiming anything', async () => {
    await expect(notifier('eu-west-1').openCase(CASE)).rejects.toMatchObject({
      code: 'InvalidRequest',
      message: 'The Support client must use us-east-1 (it uses eu-west-1)',
    });
    expect(calls()).toStrictEqual({ createCase: 0, puts: 0, completed: [], abandoned: [] });
  });
});

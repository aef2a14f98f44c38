import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createAwsClients } from '../src';
import { DLQ, QUEUE, withDeadLetterQueue } from './helpers/mocked-queues';
import { run } from './helpers/run';

/**
 * `orgctl pause`, `resume` and `status` on mocked DynamoDB and SQS clients: the exact calls and
 * the text output (the same commands run against DynamoDB Local and moto in live/brakes.spec.ts).
 */
const ddb = mockClient(DynamoDBDocumentClient);
const sqs = mockClient(SQSClient);
const PAUSED = {
  pk: 'CONTROL',
  sk: 'PAUSE',
  paused: true,
  changedAt: '2026-12-06T09:00:00.000Z',
  changedBy: 'alice',
  reason: 'bad rules',
};
const RUN = {
  pk: 'CONTROL',
  sk: 'LAST_RECONCILE',
  runId: 'reconcile-1',
  at: '2026-12-06T08:00:00.000Z',
  dryRun: false,
  driftCount: 30,
  enqueued: 4,
  heldDestructive: 26,
  paused: false,
};

const cli = (...args: string[]) =>
  run([...args, '--region', 'us-east-1', '--state-table', 'state'], {
    aws: createAwsClients,
    env: { USER: 'bob' },
  });

beforeEach(() => {
  ddb.reset();
  sqs.reset();
  ddb.on(PutCommand).resolves({});
});

describe('orgctl pause / resume (mocked DynamoDB)', () => {
  it('pause writes the switch with who, when and why', async () => {
    ddb.on(GetCommand).resolves({});
    const result = await cli('pause', '--reason', 'incident 42');
    const item = ddb.commandCalls(PutCommand)[0]?.args[0].input.Item;
    expect({
      code: result.code,
      item: { ...item, changedAt: typeof item?.['changedAt'] },
    }).toStrictEqual({
      code: 0,
      item: {
        pk: 'CONTROL',
        sk: 'PAUSE',
        paused: true,
        changedAt: 'string',
        changedBy: 'bob',
        reason: 'incident 42',
      },
    });
  });

  it('resume clears the reason; resuming a running system changes nothing', async () => {
    ddb.on(GetCommand).resolvesOnce({ Item: PAUSED }).resolves({});
    const resumed = await cli('resume', '--by', 'carol');
    const again = await cli('resume');
    expect({
      resumed: resumed.code,
      written: ddb.commandCalls(PutCommand).map((c) => ({
        ...c.args[0].input.Item,
        changedAt: typeof c.args[0].input.Item?.['changedAt'],
      })),
      again: [again.code, again.stderr],
    }).toStrictEqual({
      resumed: 0,
      written: [
        {
          pk: 'CONTROL',
          sk: 'PAUSE',
          paused: false,
          changedAt: 'string',
          changedBy: 'carol',
          reason: null,
        },
      ],
      again: [0, 'unchanged: running\n'],
    });
  });

  it('access denied: exit 3 naming what failed, no stack trace', async () => {
    ddb
      .on(GetCommand)
      .rejects(Object.assign(new Error('no'), { name: 'AccessDeniedException', $metadata: {} }));
    const result = await cli('pause');
    expect([
      result.code,
      result.stderr.split(':')[1],
      result.stderr.includes('    at '),
    ]).toStrictEqual([3, ' reading the pause switch in state failed', false]);
  });
});

describe('orgctl status (mocked DynamoDB and SQS)', () => {
  it('shows the switch, the last run and the depths as text', async () => {
    ddb
      .on(GetCommand, { Key: { pk: 'CONTROL', sk: 'PAUSE' } })
      .resolves({ Item: PAUSED })
      .on(GetCommand, { Key: { pk: 'CONTROL', sk: 'LAST_RECONCILE' } })
      .resolves({ Item: RUN });
    withDeadLetterQueue(sqs, 7, {
      ApproximateNumberOfMessages: '3',
      ApproximateNumberOfMessagesNotVisible: '2',
      ApproximateNumberOfMessagesDelayed: '0',
    });
    const result = await cli('status', '--queue-url', QUEUE);
    expect([result.code, result.stdout]).toStrictEqual([
      0,
      [
        'pause switch:      paused since 2026-12-06T09:00:00.000Z by alice: bad rules',
        'last reconcile:    reconcile-1 at 2026-12-06T08:00:00.000Z: 30 operations, 4 enqueued, 26 detaches and deletes held',
        `operations queue:  3 waiting, 2 in flight, 0 delayed (${QUEUE})`,
        `dead-letter queue: 7 waiting, 0 in flight, 0 delayed (${DLQ}) — orgctl redrive moves them back`,
        '',
      ].join('\n'),
    ]);
  });

  it('without a queue URL or a recorded run it says so', async () => {
    ddb.on(GetCommand).resolves({});
    const result = await cli('status');
    expect([result.code, result.stdout]).toStrictEqual([
      0,
      [
        'pause switch:      running',
        'last reconcile:    none recorded',
        'operations queue:  give --queue-url (or ORGCTL_QUEUE_URL) to see its depth',
        '',
      ].join('\n'),
    ]);
  });
});

import { ChangeMessageVisibilityCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { NOT_PAUSED } from '@org/governance-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { InMemoryPauseSwitch } from '@org/governance-runtime/testing';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { createOrgEventsProcessorHandler } from '../../src/org-events-processor/org-events-processor-handler';
import {
  holdWhilePaused,
  LONG_PAUSE_HOLD_SECONDS,
  pauseHoldSeconds,
  SHORT_PAUSE_HOLD_SECONDS,
} from '../../src/shared/pause/hold-while-paused';
import { withPausedQueue } from '../../src/shared/pause/pause-gated-processor';
import { pausableProcessor, workerPauseGate } from '../../src/shared/pause/pause-gates';
import {
  collectingFailures,
  COMPLETE_ENVIRONMENT,
  exampleEvent,
  lambdaContext,
  operationsQueueRecord,
  testObservability,
} from '../support/fixtures';
import {
  inMemoryDeployment,
  processPorts,
  recordExampleProvisionedState,
} from '../support/in-memory-deployment';

const PAUSED = { ...NOT_PAUSED, paused: true, changedAt: '2026-11-01T09:00:00Z' };

function record(id: string, receiveCount: number): SQSRecord {
  return operationsQueueRecord(id, { receiveCount });
}

describe('the worker while paused (holdWhilePaused)', () => {
  async function runBatch(paused: boolean, failVisibilityFor?: string) {
    const pauseSwitch = new InMemoryPauseSwitch();
    if (paused) await pauseSwitch.set(PAUSED);
    const observability = testObservability();
    const postponed: [string, number][] = [];
    const executed: string[] = [];
    const inner = async (event: SQSEvent): Promise<SQSBatchResponse> => {
      executed.push(...event.Records.map((r) => r.messageId));
      return { batchItemFailures: [] };
    };
    const handler = holdWhilePaused(inner, {
      pauseSwitch,
      maxReceiveCount: 5,
      observability,
      visibility: {
        postpone: async (receiptHandle, seconds) => {
          if (receiptHandle === failVisibilityFor) throw new Error('throttled');
          postponed.push([receiptHandle, seconds]);
        },
      },
    });
    const response = await handler(
      { Records: [record('m1', 1), record('m2', 4), record('m3', 5)] },
      lambdaContext(),
    );
    return {
      response,
      postponed,
      executed,
      metric: observability.metrics.total('OperationsPaused'),
    };
  }

  it('running: the batch goes to the worker', async () => {
    expect(await runBatch(false)).toStrictEqual({
      response: { batchItemFailures: [] },
      postponed: [],
      executed: ['m1', 'm2', 'm3'],
      metric: 0,
    });
  });

  it('paused: executes nothing, holds every message on the queue (longer on its last receives)', async () => {
    expect(await runBatch(true)).toStrictEqual({
      response: {
        batchItemFailures: [
          { itemIdentifier: 'm1' },
          { itemIdentifier: 'm2' },
          { itemIdentifier: 'm3' },
        ],
      },
      postponed: [
        ['rh-m1', SHORT_PAUSE_HOLD_SECONDS],
        ['rh-m2', LONG_PAUSE_HOLD_SECONDS],
        ['rh-m3', LONG_PAUSE_HOLD_SECONDS],
      ],
      executed: [],
      metric: 3,
    });
  });

  it('paused: a message whose visibility cannot be changed is still left on the queue', async () => {
    const outcome = await runBatch(true, 'rh-m2');
    expect([
      outcome.response.batchItemFailures.length,
      outcome.postponed.length,
      outcome.executed,
    ]).toStrictEqual([3, 2, []]);
  });

  it.each([
    [1, 5, 900],
    [3, 5, 900],
    [4, 5, 43_200],
    [5, 5, 43_200],
    [7, Number.POSITIVE_INFINITY, 900],
  ])('receive %s of maxReceiveCount %s: held %s s', (receive, max, seconds) => {
    expect(pauseHoldSeconds(receive, max)).toBe(seconds);
  });
});

describe('the processor while paused (withPausedQueue)', () => {
  it('plans and audits the event, enqueues nothing, audits each operation as paused', async () => {
    const env = inMemoryDeployment();
    await recordExampleProvisionedState(env);
    const pauseSwitch = new InMemoryPauseSwitch();
    await pauseSwitch.set(PAUSED);
    const observability = testObservability();
    const deps = {
      process: processPorts(env),
      failures: collectingFailures(),
      markers: env.markers,
      observability,
    };
    const handler = createOrgEventsProcessorHandler(withPausedQueue(deps, pauseSwitch));
    const summary = await handler(exampleEvent('account-created'), lambdaContext());
    const paused = env.audit.entries().filter((e) => e.outcome === 'paused');
    expect({
      planned: summary.enqueued,
      queued: env.queue.peek().length,
      planAudited: env.audit.entries().some((e) => e.type === 'plan' && e.outcome === 'planned'),
      pausedAudited: paused.length,
      metric: observability.metrics.total('OperationsPaused'),
    }).toStrictEqual({
      planned: 3,
      queued: 0,
      planAudited: true,
      pausedAudited: 3,
      metric: 3,
    });
  });
});

describe('the pause gates wired from the environment', () => {
  const ENV = {
    ...COMPLETE_ENVIRONMENT,
    OPERATIONS_MAX_RECEIVE_COUNT: '5',
    STATUS_WAIT_SECONDS: '45',
  };
  const ddb = mockClient(DynamoDBDocumentClient);
  const sqs = mockClient(SQSClient);
  beforeEach(() => {
    ddb.reset();
    sqs.reset();
    ddb.on(GetCommand).resolves({ Item: { pk: 'CONTROL', sk: 'PAUSE', ...PAUSED } });
    sqs.on(ChangeMessageVisibilityCommand).resolves({});
  });

  it('the worker reads the switch in STATE_TABLE and holds messages on OPERATIONS_QUEUE_URL', async () => {
    const observability = testObservability();
    const gate = workerPauseGate(ENV, {
      observability,
      settings: { maxReceiveCount: 5, deadlineSafetyMs: 0 },
    });
    const handler = holdWhilePaused(async () => ({ batchItemFailures: [] }), gate);
    await handler({ Records: [record('m1', 1)] }, lambdaContext());
    expect({
      read: ddb.commandCalls(GetCommand).map((c) => c.args[0].input.TableName),
      held: sqs.commandCalls(ChangeMessageVisibilityCommand).map((c) => c.args[0].input),
    }).toStrictEqual({
      read: ['state'],
      held: [
        { QueueUrl: ENV.OPERATIONS_QUEUE_URL, ReceiptHandle: 'rh-m1', VisibilityTimeout: 900 },
      ],
    });
  });

  it('the processor reads the switch in STATE_TABLE before enqueuing', async () => {
    const env = inMemoryDeployment();
    const deps = pausableProcessor(
      {
        process: processPorts(env),
        failures: collectingFailures(),
        observability: testObservability(),
      },
      ENV,
    );
    await deps.process.queue.send([
      {
        eventId: 'e-1',
        operation: {
          type: 'notify',
          accountId: '222233334444',
          notificationId: 'n',
          targetType: 'sns',
          subject: 's',
          body: 'b',
        },
      },
    ]);
    expect({
      read: ddb.commandCalls(GetCommand).map((c) => c.args[0].input.TableName),
      queued: env.queue.peek().length,
    }).toStrictEqual({ read: ['state'], queued: 0 });
  });
});

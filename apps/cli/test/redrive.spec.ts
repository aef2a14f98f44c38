import {
  GetQueueAttributesCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { createAwsClients } from '../src';
import { DLQ, DLQ_ARN, QUEUE, QUEUE_ARN, withDeadLetterQueue } from './helpers/mocked-queues';
import { run } from './helpers/run';

/**
 * `orgctl redrive` on a mocked SQS client: moto (5.x) does not implement StartMessageMoveTask.
 * (The depths it reads first are tested on moto with `orgctl status` and the adapter.)
 */
const sqsMock = mockClient(SQSClient);

function withDeadLetters(count: number): void {
  withDeadLetterQueue(sqsMock, count)
    .on(StartMessageMoveTaskCommand)
    .resolves({ TaskHandle: 'task-1' });
}

const redrive = (...extra: string[]) =>
  run(['redrive', '--region', 'us-east-1', ...extra], {
    aws: createAwsClients,
    env: { ORGCTL_QUEUE_URL: QUEUE },
  });

beforeEach(() => sqsMock.reset());

describe('orgctl redrive', () => {
  it('moves the dead-letter queue of ORGCTL_QUEUE_URL back to it and prints the task handle', async () => {
    withDeadLetters(7);
    const result = await redrive('--max-per-second', '20');
    expect({
      code: result.code,
      stdout: result.stdout,
      stderr: result.stderr,
      task: sqsMock.commandCalls(StartMessageMoveTaskCommand).map((call) => call.args[0].input),
    }).toStrictEqual({
      code: 0,
      stdout: 'task-1\n',
      stderr: `redriving about 7 messages from ${DLQ_ARN} to ${QUEUE_ARN}; progress: aws sqs list-message-move-tasks --source-arn ${DLQ_ARN}\n`,
      task: [{ SourceArn: DLQ_ARN, DestinationArn: QUEUE_ARN, MaxNumberOfMessagesPerSecond: 20 }],
    });
  });

  it('starts nothing when the dead-letter queue is empty', async () => {
    withDeadLetters(0);
    const result = await redrive();
    expect({
      code: result.code,
      stderr: result.stderr,
      tasks: sqsMock.commandCalls(StartMessageMoveTaskCommand).length,
    }).toStrictEqual({ code: 0, stderr: `nothing to redrive: ${DLQ} is empty\n`, tasks: 0 });
  });

  it('a queue without a dead-letter queue: exit 3', async () => {
    sqsMock.on(GetQueueAttributesCommand).resolves({ Attributes: { QueueArn: QUEUE_ARN } });
    const result = await redrive('--queue-url', QUEUE);
    expect([result.code, result.stderr]).toStrictEqual([
      3,
      `error: redriving to ${QUEUE} failed: UnexpectedResponse: ${QUEUE} has no dead-letter queue (RedrivePolicy)\n`,
    ]);
  });

  it('access denied: exit 3 naming the call, no stack trace', async () => {
    withDeadLetters(2);
    sqsMock
      .on(StartMessageMoveTaskCommand)
      .rejects(Object.assign(new Error('not allowed'), { name: 'AccessDenied', $metadata: {} }));
    const result = await redrive();
    expect([result.code, result.stderr, result.stderr.includes(' at ')]).toStrictEqual([
      3,
      `error: redriving to ${QUEUE} failed: AccessDenied: AccessDenied: not allowed (operation=StartMessageMoveTask, queueUrl=${DLQ})\n`,
      false,
    ]);
  });

  it('refuses a bad rate: exit 2', async () => {
    const result = await redrive('--max-per-second', '0');
    expect([result.code, result.stderr]).toStrictEqual([
      2,
      'error: --max-per-second must be a whole number from 1 to 999, not 0\n',
    ]);
  });
});

import {
  ReceiveMessageCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
} from '@aws-sdk/client-sqs';
import { decodeOperationMessage } from '@org/aws-adapters/sqs';
import { planReconcile, type Plan } from '@org/scope-engine';
import { run } from '../helpers/run';
import { seedLiveOrg, sortedView, TABLES, type LiveOrg } from './live-org';

jest.setTimeout(120_000);

const files = (live: LiveOrg) => ({ 'governance.json': JSON.stringify(live.config) });
const reconcileArgs = (live: LiveOrg, ...extra: string[]) => [
  'reconcile',
  '--config',
  'governance.json',
  ...live.connectionArgs,
  '--format',
  'json',
  ...extra,
];

/**
 * Operations in a comparable order: by account, then as JSON (the sharded run enqueues its
 * detaches and deletes at the run's end, after every shard's creates and attaches).
 */
const sortedOperations = (operations: readonly Plan['operations'][number][]) =>
  [...operations].sort(
    (a, b) =>
      a.accountId.localeCompare(b.accountId) || JSON.stringify(a).localeCompare(JSON.stringify(b)),
  );

async function dryRun(live: LiveOrg) {
  const result = await run(reconcileArgs(live), { files: files(live), aws: live.aws });
  return { ...result, plan: JSON.parse(result.stdout) as Plan };
}

describe('orgctl reconcile against moto and DynamoDB Local', () => {
  let live: LiveOrg;
  let expected: Plan;
  beforeAll(async () => {
    live = await seedLiveOrg();
    expected = planReconcile(live.seeded.snapshot, live.config);
  });

  it('a dry run prints the drift and changes nothing', async () => {
    const stateBefore = await live.state.listAll();
    const first = await dryRun(live);
    const second = await dryRun(live);
    expect({
      code: first.code,
      plan: first.plan,
      stderr: first.stderr,
      second: second.plan,
      state: await live.state.listAll(),
      view: await live.directoryViews.load(),
    }).toStrictEqual({
      code: 0,
      plan: expected,
      stderr: `dry run: ${expected.operations.length} operations needed (run again with --apply to apply them); nothing changed\n`,
      second: expected,
      state: stateBefore,
      view: null,
    });
  });

  it('--apply executes the plan and keeps the directory view; a second dry run finds no drift', async () => {
    const applied = await run(reconcileArgs(live, '--apply', '--audit-table', TABLES.audit), {
      files: files(live),
      aws: live.aws,
    });
    const view = await live.directoryViews.load();
    const after = await dryRun(live);
    const n = expected.operations.length;
    expect({
      code: applied.code,
      stderr: applied.stderr,
      view: sortedView(view),
      viewKeptByDryRun: await live.directoryViews.load(),
      after: { code: after.code, operations: after.plan.operations, stderr: after.stderr },
    }).toStrictEqual({
      code: 0,
      stderr: `executed ${n} operations: ${n} applied, 0 already in state, 0 still in progress, 0 failed\n`,
      view: sortedView(live.seeded.snapshot),
      viewKeptByDryRun: view,
      after: {
        code: 0,
        operations: [],
        stderr: 'dry run: 0 operations needed; nothing changed\n',
      },
    });
  });
});

describe('orgctl reconcile --apply --queue-url', () => {
  it('enqueues exactly the planned operations and changes nothing itself', async () => {
    const live = await seedLiveOrg();
    const expected = planReconcile(live.seeded.snapshot, live.config);
    const { QueueUrl } = await live.moto.sqs.send(
      new CreateQueueCommand({
        QueueName: 'operations.fifo',
        Attributes: { FifoQueue: 'true' },
      }),
    );
    const queueUrl = QueueUrl ?? '';
    const applied = await run(reconcileArgs(live, '--apply', '--queue-url', queueUrl), {
      files: files(live),
      aws: live.aws,
    });
    const received = [];
    for (;;) {
      const { Messages = [] } = await live.moto.sqs.send(
        new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 1 }),
      );
      const message = Messages[0];
      if (message === undefined) break;
      received.push(decodeOperationMessage(message.Body ?? '').operation);
      await live.moto.sqs.send(
        new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }),
      );
    }
    const after = await dryRun(live);
    expect({
      code: applied.code,
      stderr: applied.stderr.replace(/run orgctl-reconcile-[\w-]+/, 'run <id>'),
      received: sortedOperations(received),
      stillDrifting: after.plan.operations,
    }).toStrictEqual({
      code: 0,
      stderr: `enqueued ${expected.operations.length} operations to ${queueUrl} (run <id>)\n`,
      received: sortedOperations(expected.operations),
      stillDrifting: expected.operations,
    });
  });
});

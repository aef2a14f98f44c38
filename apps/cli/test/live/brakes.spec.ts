import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import { isDestructive } from '@org/governance-runtime';
import { planReconcile } from '@org/scope-engine';
import { run } from '../helpers/run';
import { seedLiveOrg, TABLES, type LiveOrg } from './live-org';

jest.setTimeout(120_000);

/**
 * The brakes against moto and DynamoDB Local: the blast-radius cap of `reconcile --apply`, the
 * pause switch (`pause`, `resume`, `status`) and the queue depths `status` reads.
 */

/** A configuration without rules: every managed item is to be removed. */
const NO_RULES = (limit: number) =>
  JSON.stringify({ settings: { maxDestructiveOperations: limit } });

const apply = (live: LiveOrg, ...extra: string[]) => [
  'reconcile',
  '--apply',
  '--config',
  'g.json',
  ...live.connectionArgs,
  '--format',
  'json',
  ...extra,
];

describe('orgctl reconcile --apply --allow-destructive', () => {
  let live: LiveOrg;
  let removals: number;
  beforeAll(async () => {
    live = await seedLiveOrg();
    const empty = { ...live.config, scpRules: [], assignmentRules: [], notifications: [] };
    removals = planReconcile(live.seeded.snapshot, empty).operations.filter(isDestructive).length;
  });

  it('the example organization has managed items to remove', () => {
    expect(removals).toBeGreaterThan(1);
  });

  it('holds every removal over the limit, and still holds them with a confirmation that is too small', async () => {
    const files = { 'g.json': NO_RULES(removals - 1) };
    const held = await run(apply(live), { files, aws: live.aws });
    const tooSmall = await run(apply(live, '--allow-destructive', String(removals - 1)), {
      files,
      aws: live.aws,
    });
    const hint = `confirm with orgctl reconcile --apply --allow-destructive ${removals} or an on-demand reconcile with confirmDestructive: ${removals}`;
    expect({
      held: [held.code, held.stderr],
      tooSmall: [tooSmall.code, tooSmall.stderr],
      state: (await live.state.listAll()).length > 0,
    }).toStrictEqual({
      held: [
        0,
        `held: ${removals} detaches and deletes exceed settings.maxDestructiveOperations (${removals - 1}): none were executed; ${hint}\n` +
          'executed 0 operations: 0 applied, 0 already in state, 0 still in progress, 0 failed\n',
      ],
      tooSmall: [
        0,
        `held: ${removals} detaches and deletes exceed settings.maxDestructiveOperations (${removals - 1}) (the confirmation of ${removals - 1} does not cover them): none were executed; ${hint}\n` +
          'executed 0 operations: 0 applied, 0 already in state, 0 still in progress, 0 failed\n',
      ],
      state: true,
    });
  });

  it('a dry run says it would hold them; a confirmation that covers them executes them', async () => {
    const files = { 'g.json': NO_RULES(removals - 1) };
    const dry = await run(
      ['reconcile', '--config', 'g.json', ...live.connectionArgs, '--format', 'json'],
      { files, aws: live.aws },
    );
    const confirmed = await run(apply(live, '--allow-destructive', String(removals)), {
      files,
      aws: live.aws,
    });
    const after = await run(
      ['reconcile', '--config', 'g.json', ...live.connectionArgs, '--format', 'json'],
      { files, aws: live.aws },
    );
    expect({
      dry: dry.stderr.split('\n')[0]?.split(':')[0],
      confirmed: [confirmed.code, confirmed.stderr],
      driftLeft: (JSON.parse(after.stdout) as { operations: unknown[] }).operations,
    }).toStrictEqual({
      dry: 'would hold',
      confirmed: [
        0,
        `executed ${removals} operations: ${removals} applied, 0 already in state, 0 still in progress, 0 failed\n`,
      ],
      driftLeft: [],
    });
  });

  it.each([['-1'], ['two'], ['1.5']])('refuses --allow-destructive %s: exit 2', async (value) => {
    const result = await run(apply(live, '--allow-destructive', value), {
      files: { 'g.json': '{}' },
      aws: live.aws,
    });
    expect([result.code, result.stderr]).toStrictEqual([
      2,
      `error: --allow-destructive must be a whole number from 0, not ${value}\n`,
    ]);
  });
});

describe('orgctl rules apply --allow-destructive', () => {
  it('stores rules that remove everything, holds the removals, and executes them once confirmed', async () => {
    const live = await seedLiveOrg();
    const empty = { ...live.config, scpRules: [], assignmentRules: [], notifications: [] };
    const removals = planReconcile(live.seeded.snapshot, empty).operations.filter(isDestructive);
    const files = { 'g.json': NO_RULES(0) };
    const args = [
      'rules',
      'apply',
      '--config',
      'g.json',
      '--table',
      TABLES.rules,
      // DynamoDB Local has no tagging: the deployment-grant check needs moto's DynamoDB.
      '--skip-grant-check',
      ...live.connectionArgs,
      '--format',
      'json',
    ];
    const held = await run(args, { files, aws: live.aws });
    const confirmed = await run([...args, '--allow-destructive', String(removals.length)], {
      files,
      aws: live.aws,
    });
    expect({
      held: [held.code, held.stderr.split('\n').slice(1)],
      stored: (await live.rules.load())?.version,
      confirmed: [confirmed.code, confirmed.stderr.split('\n').at(-2)?.split(':')[0]],
      executed: confirmed.stderr.includes(`${removals.length} applied`),
    }).toStrictEqual({
      held: [
        0,
        [
          `held: ${removals.length} detaches and deletes exceed settings.maxDestructiveOperations (0): none were executed; confirm with orgctl reconcile --apply --allow-destructive ${removals.length} or an on-demand reconcile with confirmDestructive: ${removals.length}`,
          'executed 0 operations: 0 applied, 0 already in state, 0 still in progress, 0 failed',
          '',
        ],
      ],
      stored: 1,
      confirmed: [0, `executed ${removals.length} operations`],
      executed: true,
    });
  });
});

describe('orgctl pause, resume and status', () => {
  it('pauses (reconcile plans and audits, enqueues nothing), shows it, resumes', async () => {
    const live = await seedLiveOrg();
    const files = { 'governance.json': JSON.stringify(live.config) };
    const env = { USER: 'alice' };
    const { QueueUrl: dlqUrl = '' } = await live.moto.sqs.send(
      new CreateQueueCommand({ QueueName: 'ops-dlq.fifo', Attributes: { FifoQueue: 'true' } }),
    );
    const { Attributes } = await live.moto.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] }),
    );
    const { QueueUrl: queueUrl = '' } = await live.moto.sqs.send(
      new CreateQueueCommand({
        QueueName: 'ops.fifo',
        Attributes: {
          FifoQueue: 'true',
          RedrivePolicy: JSON.stringify({
            deadLetterTargetArn: Attributes?.QueueArn,
            maxReceiveCount: 5,
          }),
        },
      }),
    );
    await live.moto.sqs.send(
      new SendMessageCommand({
        QueueUrl: dlqUrl,
        MessageBody: '{}',
        MessageGroupId: 'g',
        MessageDeduplicationId: 'd',
      }),
    );
    const cli = (args: string[]) => run(args, { files, env, aws: live.aws });
    const status = async () =>
      JSON.parse(
        (await cli(['status', ...live.connectionArgs, '--queue-url', queueUrl, '--format', 'json']))
          .stdout,
      ) as {
        pause: { paused: boolean; changedBy: string | null; reason: string | null };
        lastReconcile: { enqueued: number; paused: boolean } | null;
        queues: { queue: { visible: number }; deadLetter: { visible: number } };
      };
    const before = await status();
    const paused = await cli(['pause', ...live.connectionArgs, '--reason', 'bad rules']);
    const again = await cli(['pause', ...live.connectionArgs]);
    const whilePaused = await status();
    const text = await cli(['status', ...live.connectionArgs, '--queue-url', queueUrl]);
    const reconciled = await cli([
      'reconcile',
      '--apply',
      '--config',
      'governance.json',
      ...live.connectionArgs,
      '--queue-url',
      queueUrl,
      '--format',
      'json',
    ]);
    const afterPausedRun = await status();
    const resumed = await cli(['resume', ...live.connectionArgs]);
    const after = await status();
    const n = planReconcile(live.seeded.snapshot, live.config).operations.length;
    expect({
      before: [before.pause.paused, before.lastReconcile, before.queues.deadLetter.visible],
      paused: [paused.code, paused.stderr.split(':')[0], again.stderr.split(':')[0]],
      whilePaused: [whilePaused.pause, text.code],
      text: text.stdout.split('\n').map((line) => line.split(':')[0]),
      reconciled: [reconciled.code, reconciled.stderr],
      afterPausedRun: [afterPausedRun.lastReconcile, afterPausedRun.queues.queue.visible],
      resumed: [resumed.code, resumed.stderr.split(':')[0], after.pause.paused],
    }).toStrictEqual({
      before: [false, null, 1],
      paused: [0, 'paused', 'unchanged'],
      whilePaused: [
        expect.objectContaining({ paused: true, changedBy: 'alice', reason: 'bad rules' }),
        0,
      ],
      text: ['pause switch', 'last reconcile', 'operations queue', 'dead-letter queue', ''],
      reconciled: [
        0,
        `paused: the pause switch is on (orgctl status): ${n} operations planned and audited, none enqueued; after orgctl resume, run orgctl reconcile --apply\n`,
      ],
      afterPausedRun: [expect.objectContaining({ enqueued: 0, paused: true }), 0],
      resumed: [0, 'resumed', false],
    });
  });

  it.each([
    [
      ['pause'],
      2,
      'error: give the provisioned-state table: --state-table <name> (or ORGCTL_STATE_TABLE)\n',
    ],
    [['redrive'], 2, 'error: give the queue: --queue-url <url> (or ORGCTL_QUEUE_URL)\n'],
  ])('orgctl %j without its resource: exit %s', async (args, code, stderr) => {
    const result = await run(args);
    expect([result.code, result.stderr]).toStrictEqual([code, stderr]);
  });

  it('status on a missing table: exit 3 naming what failed, no stack trace', async () => {
    const live = await seedLiveOrg();
    const result = await run(['status', ...live.connectionArgs, '--state-table', 'missing'], {
      aws: live.aws,
    });
    expect([
      result.code,
      result.stderr.split(':').slice(0, 2),
      result.stderr.includes('    at '),
    ]).toStrictEqual([3, ['error', ' reading the pause switch in missing failed'], false]);
  });
});

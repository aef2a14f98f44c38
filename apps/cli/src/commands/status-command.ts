import type { ReconcileRunRecord } from '@org/governance-runtime';
import type { QueueDepth, QueueStatus } from '@org/aws-adapters/sqs';
import { Option } from 'commander';
import { colorsFor } from '../io/colors';
import { addStateOptions, remote } from '../live/live-command';
import { loadConnect } from '../live/load-connect';
import { describePause } from '../live/pause-switch-change';
import {
  LIVE_ENV,
  optionOrEnv,
  resolveLiveSettings,
  type LiveOptions,
} from '../live/live-settings';
import type { CliCommand } from './cli-command';

interface StatusOptions extends LiveOptions {
  readonly format: 'text' | 'json';
}

function describeRun(run: ReconcileRunRecord | null): string {
  if (run === null) return 'none recorded';
  const mode = run.dryRun ? ' (dry run)' : run.paused ? ' (paused: nothing enqueued)' : '';
  const held =
    run.heldDestructive === 0 ? '' : `, ${run.heldDestructive} detaches and deletes held`;
  return `${run.runId} at ${run.at}${mode}: ${run.driftCount} operations, ${run.enqueued} enqueued${held}`;
}

function describeDepth(depth: QueueDepth): string {
  return `${depth.visible} waiting, ${depth.inFlight} in flight, ${depth.delayed} delayed (${depth.queueUrl})`;
}

/**
 * `orgctl status [--queue-url URL] [--format text|json]`: the pause switch, the last reconcile
 * run (its record in the provisioned-state table) and, with a queue URL, the operations queue's
 * and its dead-letter queue's depths (`ApproximateNumberOfMessages*`).
 */
export const statusCommand: CliCommand = (program, { io }) => {
  addStateOptions(program.command('status'))
    .description('show the pause switch, the last reconcile run and the queue depths')
    .option('--queue-url <url>', 'operations FIFO queue (ORGCTL_QUEUE_URL)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'),
    )
    .action(async (options: StatusOptions) => {
      const settings = resolveLiveSettings(io, options);
      const { control, queueAdmin } = loadConnect()(io, settings);
      const table = settings.stateTable;
      const pause = await remote(`reading the pause switch in ${table}`, () => control.read());
      const lastRun = await remote(`reading the last reconcile run in ${table}`, () =>
        control.lastRun(),
      );
      const queueUrl = optionOrEnv(io, options.queueUrl, LIVE_ENV.queueUrl);
      const queues: QueueStatus | null =
        queueUrl === undefined
          ? null
          : await remote(`reading the depths of ${queueUrl}`, () => queueAdmin.status(queueUrl));
      if (options.format === 'json') {
        io.stdout.write(`${JSON.stringify({ pause, lastReconcile: lastRun, queues }, null, 2)}\n`);
        return;
      }
      const c = colorsFor(io, io.stdout);
      const switchText = describePause(pause);
      const lines = [
        `pause switch:      ${pause.paused ? c.yellow(switchText) : c.green(switchText)}`,
        `last reconcile:    ${describeRun(lastRun)}`,
        `operations queue:  ${queues === null ? 'give --queue-url (or ORGCTL_QUEUE_URL) to see its depth' : describeDepth(queues.queue)}`,
      ];
      if (queues !== null) {
        const dlq = queues.deadLetter;
        const text = dlq === null ? 'none (the queue has no redrive policy)' : describeDepth(dlq);
        lines.push(
          `dead-letter queue: ${dlq !== null && dlq.visible > 0 ? `${c.red(text)} — orgctl redrive moves them back` : text}`,
        );
      }
      io.stdout.write(`${lines.join('\n')}\n`);
    });
};

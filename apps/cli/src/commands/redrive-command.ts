import { UsageError } from '../errors';
import { colorsFor } from '../io/colors';
import { addConnectionOptions, remote } from '../live/live-command';
import { loadConnectQueueAdmin } from '../live/load-connect';
import { LIVE_ENV, optionOrEnv, resolveConnection, type LiveOptions } from '../live/live-settings';
import type { CliCommand } from './cli-command';

interface RedriveOptions extends Pick<
  LiveOptions,
  'region' | 'endpointUrl' | 'dynamodbEndpointUrl' | 'queueUrl'
> {
  readonly maxPerSecond?: string;
}

/**
 * `orgctl redrive [--queue-url URL] [--max-per-second N]`: moves the messages of a queue's
 * dead-letter queue (found through its redrive policy) back to the queue with an SQS message
 * move task — by default the operations queue (`ORGCTL_QUEUE_URL`). Redriven operations are
 * safe: the worker executes only what the current desired state still asks for.
 */
export const redriveCommand: CliCommand = (program, { io }) => {
  addConnectionOptions(program.command('redrive'))
    .description("move the messages of a queue's dead-letter queue back to the queue")
    .option('--queue-url <url>', 'the queue to redrive to (default: ORGCTL_QUEUE_URL)')
    .option('--max-per-second <n>', 'messages moved per second (default: as fast as SQS allows)')
    .action(async (options: RedriveOptions) => {
      const queueUrl = optionOrEnv(io, options.queueUrl, LIVE_ENV.queueUrl);
      if (queueUrl === undefined) {
        throw new UsageError('give the queue: --queue-url <url> (or ORGCTL_QUEUE_URL)');
      }
      const rate = options.maxPerSecond;
      if (rate !== undefined && !/^[1-9]\d{0,2}$/.test(rate)) {
        throw new UsageError(`--max-per-second must be a whole number from 1 to 999, not ${rate}`);
      }
      const admin = loadConnectQueueAdmin()(io, resolveConnection(io, options));
      const c = colorsFor(io, io.stderr);
      const { deadLetter } = await remote(`reading ${queueUrl}`, () => admin.status(queueUrl));
      if (deadLetter !== null && deadLetter.visible === 0) {
        io.stderr.write(`${c.green('nothing to redrive')}: ${deadLetter.queueUrl} is empty\n`);
        return;
      }
      const task = await remote(`redriving to ${queueUrl}`, () =>
        admin.redrive(queueUrl, rate === undefined ? undefined : Number(rate)),
      );
      io.stdout.write(`${task.taskHandle}\n`);
      io.stderr.write(
        `${c.green('redriving')} about ${task.messages} messages from ${task.sourceArn} to ${task.destinationArn}; progress: aws sqs list-message-move-tasks --source-arn ${task.sourceArn}\n`,
      );
    });
};

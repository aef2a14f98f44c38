import type { CliIo } from '../io/cli-io';
import { nodeSupportNotice, silenceSdkNodeWarning } from '../io/node-support';
import { SqsQueueAdmin } from '@org/aws-adapters/sqs';
import { type AwsConnection, createAwsClients } from './aws-clients';
import { createLivePorts, type LivePorts } from './live-ports';
import type { LiveSettings } from './live-settings';

/**
 * Creates the AWS clients once (with `io.aws`, else the real factory with the default credential
 * chain) and wires the adapters over them. First, on a Node.js older than the recommended one, it
 * prints one line saying so and turns the AWS SDK's own multi-line warning off.
 *
 * @example
 * ```ts
 * const ports = connect(io, resolveLiveSettings(io, options));
 * ```
 */
export function connect(io: CliIo, settings: LiveSettings): LivePorts {
  noticeNodeSupport(io);
  return createLivePorts((io.aws ?? createAwsClients)(settings.connection), settings);
}

/**
 * Like {@link connect}, for commands that only administer queues (`orgctl redrive`).
 *
 * @example
 * ```ts
 * const admin = connectQueueAdmin(io, resolveConnection(io, options));
 * ```
 */
export function connectQueueAdmin(io: CliIo, connection: AwsConnection): SqsQueueAdmin {
  noticeNodeSupport(io);
  return new SqsQueueAdmin((io.aws ?? createAwsClients)(connection).sqs);
}

function noticeNodeSupport(io: CliIo): void {
  const notice = io.nodeVersion === undefined ? undefined : nodeSupportNotice(io.nodeVersion);
  if (notice !== undefined) io.stderr.write(`${notice}\n`);
  silenceSdkNodeWarning(process.env);
}

import type { CliIo } from '../io/cli-io';
import { nodeSupportNotice, silenceSdkNodeWarning } from '../io/node-support';
import { createAwsClients } from './aws-clients';
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
  const notice = io.nodeVersion === undefined ? undefined : nodeSupportNotice(io.nodeVersion);
  if (notice !== undefined) io.stderr.write(`${notice}\n`);
  silenceSdkNodeWarning(process.env);
  return createLivePorts((io.aws ?? createAwsClients)(settings.connection), settings);
}

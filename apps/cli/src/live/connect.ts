import type { CliIo } from '../io/cli-io';
import { createAwsClients } from './aws-clients';
import { createLivePorts, type LivePorts } from './live-ports';
import type { LiveSettings } from './live-settings';

/**
 * Creates the AWS clients once (with `io.aws`, else the real factory with the default credential
 * chain) and wires the adapters over them.
 *
 * @example
 * ```ts
 * const ports = connect(io, resolveLiveSettings(io, options));
 * ```
 */
export function connect(io: CliIo, settings: LiveSettings): LivePorts {
  return createLivePorts((io.aws ?? createAwsClients)(settings.connection), settings);
}

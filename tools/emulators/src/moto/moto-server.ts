/**
 * moto (`moto_server`) on a free 127.0.0.1 port.
 */
import { findFreePort } from '../process/free-port';
import { type ManagedProcess, startProcess, stopProcess } from '../process/managed-process';
import { waitForHttp } from '../process/wait-for-http';

/** A running moto server. */
export interface MotoServer {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  readonly process: ManagedProcess;
  /** Stops it by PID and verifies it is gone. */
  stop(): Promise<void>;
}

/** Shown when `moto_server` is missing. */
export const MOTO_INSTALL_HINT = "Install it with: pip install 'moto[server]'";

/**
 * Starts `moto_server -H 127.0.0.1 -p <free port>` and waits until it answers.
 *
 * @example
 * ```ts
 * const moto = await startMoto();
 * // … new OrganizationsClient({ endpoint: moto.endpoint, … })
 * await moto.stop();
 * ```
 */
export async function startMoto(
  options: { readonly timeoutMs?: number } = {},
): Promise<MotoServer> {
  const port = await findFreePort();
  const managed = await startProcess({
    name: 'moto',
    command: 'moto_server',
    args: ['-H', '127.0.0.1', '-p', String(port)],
    installHint: MOTO_INSTALL_HINT,
  });
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(managed, `${endpoint}/moto-api/`, options.timeoutMs ?? 30_000);
  } catch (error) {
    await stopProcess(managed);
    throw error;
  }
  return { endpoint, process: managed, stop: () => stopProcess(managed) };
}

/**
 * Forgets every resource of every account (`POST /moto-api/reset`).
 *
 * @example
 * ```ts
 * beforeAll(() => resetMoto(endpoints.moto));
 * ```
 */
export async function resetMoto(endpoint: string): Promise<void> {
  const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`moto reset failed with HTTP ${response.status}`);
}

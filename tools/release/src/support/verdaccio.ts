/**
 * A throwaway npm registry: verdaccio on 127.0.0.1 and a free port, with its storage, config and
 * users in a temporary folder and no uplinks, so it serves only what was published to it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { childEnv } from './run-command';

/** A running local registry. */
export interface LocalRegistry {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  readonly url: string;
  readonly pid: number;
  /** Bearer token of a user created for publishing. */
  readonly token: string;
  /** The registry's output so far (for error messages). */
  output(): string;
  /** Stops the process by PID and waits for it to exit. */
  stop(): Promise<void>;
}

/** The registry did not start or refused to create the publishing user. */
export class RegistryStartError extends Error {
  override readonly name = 'RegistryStartError';
}

const START_TIMEOUT_MS = 60_000;

/** A port nothing listens on at the moment, on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** verdaccio's configuration: local storage, htpasswd users, no uplinks, no web UI or audit. */
function configYaml(folder: string): string {
  return [
    `storage: ${JSON.stringify(join(folder, 'storage'))}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(join(folder, 'htpasswd'))}`,
    '    max_users: 10',
    'uplinks: {}',
    'packages:',
    "  '**':",
    '    access: $all',
    '    publish: $authenticated',
    'middlewares:',
    '  audit:',
    '    enabled: false',
    'web:',
    '  enable: false',
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n');
}

/** Resolves when the process exits (at once when it already has). */
function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Polls `GET /-/ping` until the registry answers, the process dies or time runs out. */
async function waitUntilServing(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new RegistryStartError(`verdaccio exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}-/ping`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new RegistryStartError(
    `verdaccio did not answer within ${START_TIMEOUT_MS} ms:\n${output()}`,
  );
}

/** Creates a user (`PUT /-/user/org.couchdb.user:NAME`) and returns its token. */
async function createUser(url: string): Promise<string> {
  const response = await fetch(`${url}-/user/org.couchdb.user:release-check`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'release-check', password: 'release-check-password' }),
  });
  const body = (await response.json()) as { token?: string };
  if (!response.ok || typeof body.token !== 'string')
    throw new RegistryStartError(`verdaccio refused the user: ${JSON.stringify(body)}`);
  return body.token;
}

/**
 * Starts verdaccio (the workspace's `verdaccio` devDependency) with its files in `folder`.
 *
 * @example
 * ```ts
 * const registry = await startVerdaccio(join(tmp, 'registry'));
 * try { … } finally { await registry.stop(); }
 * ```
 */
export async function startVerdaccio(folder: string): Promise<LocalRegistry> {
  mkdirSync(folder, { recursive: true });
  const configFile = join(folder, 'config.yaml');
  writeFileSync(configFile, configYaml(folder));
  const bin = join(dirname(require.resolve('verdaccio/package.json')), 'bin', 'verdaccio');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(
    process.execPath,
    [bin, '--config', configFile, '--listen', `127.0.0.1:${port}`],
    {
      cwd: folder,
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  const collect = (chunk: Buffer): void => {
    log = (log + chunk.toString('utf8')).slice(-32 * 1024);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const pid = child.pid;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited(child);
    clearTimeout(killer);
  };
  try {
    if (pid === undefined) throw new RegistryStartError('verdaccio did not start');
    await waitUntilServing(url, child, () => log);
    const token = await createUser(url);
    return { url, pid, token, output: () => log, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Jest global setup/teardown: start the emulators once per run, stop them by PID afterwards and
 * verify nothing is left running.
 */
import { startDynamoDbLocal } from '../dynamodb-local/dynamodb-local-server';
import { EmulatorLeakError } from '../errors';
import { startMoto } from '../moto/moto-server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPidAlive } from '../process/managed-process';
import { PID_REGISTRY_VARIABLE, registeredPids, runsCommand } from '../process/pid-registry';
import { ENDPOINT_VARIABLES, type EmulatorName } from './endpoints';

/** Which emulators a test project needs. */
export type EmulatorSelection = Readonly<Partial<Record<EmulatorName, boolean>>>;

interface Running {
  readonly name: EmulatorName;
  readonly pid: number;
  readonly endpoint: string;
  stop(): Promise<void>;
}

const STATE = Symbol.for('@org/emulators/running');
type GlobalWithState = typeof globalThis & { [STATE]?: Running[] };

function running(): Running[] {
  const holder = globalThis as GlobalWithState;
  holder[STATE] ??= [];
  return holder[STATE];
}

/**
 * The emulators the global setup of this process started and has not stopped yet.
 *
 * @example
 * ```ts
 * const pids = runningEmulators().map((emulator) => emulator.pid);
 * ```
 */
export function runningEmulators(): readonly {
  readonly name: EmulatorName;
  readonly pid: number;
  readonly endpoint: string;
}[] {
  return running().map(({ name, pid, endpoint }) => ({ name, pid, endpoint }));
}

/**
 * A jest `globalSetup` function starting the selected emulators on free 127.0.0.1 ports and
 * publishing their endpoints in `ORG_EMULATORS_*_ENDPOINT` (inherited by test workers).
 *
 * @example
 * ```ts
 * // test/global-setup.ts
 * export default createGlobalSetup({ moto: true, dynamodb: true });
 * ```
 */
export function createGlobalSetup(selection: EmulatorSelection): () => Promise<void> {
  return async () => {
    process.env[PID_REGISTRY_VARIABLE] ??= mkdtempSync(join(tmpdir(), 'org-emulators-'));
    const starts: Promise<Running>[] = [];
    if (selection.moto) {
      starts.push(
        startMoto().then((server) => ({
          name: 'moto' as const,
          pid: server.process.pid,
          endpoint: server.endpoint,
          stop: server.stop,
        })),
      );
    }
    if (selection.dynamodb) {
      starts.push(
        startDynamoDbLocal().then((server) => ({
          name: 'dynamodb' as const,
          pid: server.process.pid,
          endpoint: server.endpoint,
          stop: server.stop,
        })),
      );
    }
    const results = await Promise.allSettled(starts);
    for (const result of results) {
      if (result.status === 'fulfilled') {
        running().push(result.value);
        process.env[ENDPOINT_VARIABLES[result.value.name]] = result.value.endpoint;
      }
    }
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) {
      await globalTeardown();
      throw failure.reason;
    }
  };
}

/**
 * The jest `globalTeardown` function: stops every emulator the setup started by PID and throws
 * if any process is still alive.
 *
 * @example
 * ```ts
 * // test/global-teardown.ts
 * export { globalTeardown as default } from '@org/emulators';
 * ```
 */
export async function globalTeardown(): Promise<void> {
  const emulators = running().splice(0);
  for (const emulator of emulators) delete process.env[ENDPOINT_VARIABLES[emulator.name]];
  const results = await Promise.allSettled(emulators.map((emulator) => emulator.stop()));
  const leaked = emulators.filter((emulator) => isPidAlive(emulator.pid));
  if (leaked.length > 0) {
    throw new EmulatorLeakError(
      `Emulators still running after teardown: ${leaked.map((e) => `${e.name} (PID ${e.pid})`).join(', ')}`,
    );
  }
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  await killLeftovers();
}

/** Kills emulators that tests started (in any worker) and never stopped, then reports them. */
async function killLeftovers(): Promise<void> {
  const leftovers = registeredPids().filter(
    (entry) => isPidAlive(entry.pid) && runsCommand(entry.pid, entry.command),
  );
  for (const entry of leftovers) process.kill(entry.pid, 'SIGKILL');
  const registry = process.env[PID_REGISTRY_VARIABLE];
  if (registry !== undefined) rmSync(registry, { recursive: true, force: true });
  delete process.env[PID_REGISTRY_VARIABLE];
  if (leftovers.length > 0) {
    throw new EmulatorLeakError(
      `Tests left emulators running (killed now): ${leftovers.map((e) => `${e.name} (PID ${e.pid})`).join(', ')}`,
    );
  }
}

/**
 * A per-run registry of emulator PIDs, shared through the environment with jest workers, so the
 * global teardown finds emulators that a test started and never stopped.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Environment variable naming the registry directory (set by the global setup). */
export const PID_REGISTRY_VARIABLE = 'ORG_EMULATORS_PID_DIR';

/** One registered process. */
export interface RegisteredProcess {
  readonly pid: number;
  readonly name: string;
  /** The command it runs (compared with `/proc/<pid>/cmdline` before killing a PID). */
  readonly command: string;
}

const directory = (): string | undefined => process.env[PID_REGISTRY_VARIABLE];

/** Records a started process (no-op outside a registry). */
export function registerPid(entry: RegisteredProcess): void {
  const dir = directory();
  if (dir === undefined) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, String(entry.pid)), JSON.stringify(entry));
}

/** Forgets a stopped process. */
export function unregisterPid(pid: number): void {
  const dir = directory();
  if (dir !== undefined) rmSync(join(dir, String(pid)), { force: true });
}

/**
 * Every process still registered in the registry directory.
 *
 * @example
 * ```ts
 * for (const leftover of registeredPids()) console.warn(`${leftover.name} ${leftover.pid}`);
 * ```
 */
export function registeredPids(): RegisteredProcess[] {
  const dir = directory();
  if (dir === undefined) return [];
  try {
    return readdirSync(dir).map(
      (file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as RegisteredProcess,
    );
  } catch {
    return [];
  }
}

/**
 * `true` when `pid` still runs `command` (guards against a recycled PID; without `/proc` the
 * PID alone decides).
 */
export function runsCommand(pid: number, command: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(command);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT' || !existsProc();
  }
}

function existsProc(): boolean {
  try {
    readdirSync('/proc');
    return true;
  } catch {
    return false;
  }
}

/**
 * A child process the harness starts, waits for and stops by PID.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { EmulatorLeakError, EmulatorMissingError, EmulatorStartError } from '../errors';
import { registerPid, unregisterPid } from './pid-registry';

/** How to start a process. */
export interface ProcessSpec {
  /** Name used in messages, e.g. `moto`. */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  /** Shown when the command is not installed. */
  readonly installHint: string;
}

/** A running process. */
export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  /** Output collected so far (last 64 KB), for error messages. */
  output(): string;
  /** `true` while the process runs. */
  isRunning(): boolean;
  /** Resolves when the process has exited. */
  readonly exited: Promise<number | null>;
}

const MAX_OUTPUT = 64 * 1024;

/**
 * `true` when a process with this PID exists (signal 0 probes without killing).
 *
 * @example
 * ```ts
 * if (isPidAlive(pid)) throw new Error('leaked');
 * ```
 */
export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Spawns a process, collecting its output; a missing command fails with an install hint.
 *
 * @example
 * ```ts
 * const moto = await startProcess({ name: 'moto', command: 'moto_server', args: ['-p', '5000'], installHint });
 * ```
 */
export function startProcess(spec: ProcessSpec): Promise<ManagedProcess> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(spec.command, [...spec.args], {
      cwd: spec.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-MAX_OUTPUT);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new EmulatorMissingError(
              `${spec.name}: "${spec.command}" was not found. ${spec.installHint}`,
              {
                cause: error,
              },
            )
          : new EmulatorStartError(
              `${spec.name}: could not start "${spec.command}": ${error.message}`,
              {
                cause: error,
              },
            ),
      );
    });
    child.once('spawn', () => {
      const pid = child.pid;
      if (pid === undefined) {
        reject(new EmulatorStartError(`${spec.name}: started without a PID`));
        return;
      }
      // The child, its pipes and the stop's grace timer stay referenced: whoever started the
      // process (a jest globalSetup, `npm start`) must be kept alive until it has stopped it, or
      // Node exits with code 0 in the middle of an awaited teardown and hides a failed run. If the
      // runner exits without stopping the emulator (a crash), the emulator is killed with it.
      const killWithParent = (): void => {
        if (isPidAlive(pid)) process.kill(pid, 'SIGKILL');
      };
      process.once('exit', killWithParent);
      registerPid({ pid, name: spec.name, command: spec.command });
      let running = true;
      void exited.then(() => {
        running = false;
        process.removeListener('exit', killWithParent);
        unregisterPid(pid);
      });
      resolve({ name: spec.name, pid, output: () => output, isRunning: () => running, exited });
    });
  });
}

/**
 * Stops a process by PID: SIGTERM, then SIGKILL after `graceMs`; throws if it is still alive.
 *
 * @example
 * ```ts
 * await stopProcess(moto);
 * ```
 */
export async function stopProcess(managed: ManagedProcess, graceMs = 5_000): Promise<void> {
  if (managed.isRunning()) {
    process.kill(managed.pid, 'SIGTERM');
    let grace: NodeJS.Timeout | undefined;
    const timer = new Promise<'timeout'>((resolve) => {
      grace = setTimeout(() => resolve('timeout'), graceMs);
    });
    const outcome = await Promise.race([managed.exited, timer]);
    clearTimeout(grace);
    if (outcome === 'timeout' && managed.isRunning()) {
      process.kill(managed.pid, 'SIGKILL');
      await managed.exited;
    }
  }
  if (isPidAlive(managed.pid)) {
    throw new EmulatorLeakError(`${managed.name} (PID ${managed.pid}) is still running after stop`);
  }
}

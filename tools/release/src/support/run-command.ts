/**
 * Runs a command to completion with a deadline, collecting its output.
 */
import { spawn } from 'node:child_process';

/** What a finished command printed and how long it took. */
export interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
  /** Wall-clock duration in milliseconds. */
  readonly ms: number;
}

/** How to run a command. */
export interface CommandOptions {
  readonly cwd: string;
  /** Variables added to (or, when `undefined`, removed from) the inherited environment. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The command is killed and the promise rejects after this many milliseconds. */
  readonly timeoutMs: number;
}

/** A command exited non-zero, was killed or timed out; the message holds its output. */
export class CommandFailedError extends Error {
  override readonly name = 'CommandFailedError';
}

/**
 * Variables an Nx task runner sets for the task it runs; a nested `nx` invocation must not see
 * them, or it believes it is that task.
 */
const NX_TASK_VARIABLES = /^NX_(TASK_|TERMINAL_|STREAM_OUTPUT|PREFIX_OUTPUT|CLI_SET|FORKED)/;

/** The inherited environment without Nx task variables, with `env` applied. */
export function childEnv(
  env: Readonly<Record<string, string | undefined>> = {},
): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!NX_TASK_VARIABLES.test(key)) result[key] = value;
  }
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete result[key];
    else result[key] = value;
  }
  return result;
}

/** The last `max` characters of a text, for error messages. */
function tail(text: string, max = 6000): string {
  return text.length <= max ? text : `…${text.slice(-max)}`;
}

/**
 * Runs `command args…` and resolves with its output when it exits 0.
 *
 * @throws CommandFailedError on a non-zero exit, a signal or the deadline, with the output tail
 * @example
 * ```ts
 * const { stdout } = await runCommand('npm', ['--version'], { cwd: '/tmp', timeoutMs: 30_000 });
 * ```
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions,
): Promise<CommandResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: childEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new CommandFailedError(`${command}: ${error.message}`, { cause: error }));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const ms = Date.now() - started;
      if (code === 0) {
        resolve({ stdout, stderr, ms });
        return;
      }
      const why = timedOut
        ? `timed out after ${options.timeoutMs} ms`
        : `exited with ${code ?? signal}`;
      reject(
        new CommandFailedError(
          `${command} ${args.join(' ')} (in ${options.cwd}) ${why}\n` +
            `--- stdout\n${tail(stdout)}\n--- stderr\n${tail(stderr)}`,
        ),
      );
    });
  });
}

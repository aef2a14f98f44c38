import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type AwsClientFactory, type CliIo } from '../../src';

/** The repository's examples folder. */
export const EXAMPLES = join(__dirname, '..', '..', '..', '..', 'examples');

/** A path inside examples/. */
export function example(...parts: string[]): string {
  return join(EXAMPLES, ...parts);
}

/**
 * The arguments of `orgctl plan --event <event>` against the organization file `org` and the
 * configuration file `config`.
 *
 * @example
 * ```ts
 * await run([...planEventArgs('event.json'), '--format', 'json'], { files });
 * ```
 */
export function planEventArgs(
  event: string,
  org = 'org.yaml',
  config = 'governance.yaml',
): string[] {
  return ['plan', '--org', org, '--config', config, '--event', event];
}

/** `--org` and `--config` naming the example organization and governance configuration. */
export const EXAMPLE_INPUTS: readonly string[] = [
  '--org',
  example('org.yaml'),
  '--config',
  example('governance.yaml'),
];

/** What one run of the CLI did. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Files the command wrote. */
  readonly written: ReadonlyMap<string, string>;
}

/** Options of {@link run}. */
export interface RunOptions {
  /** In-memory files (path → content), looked up before the real file system. */
  readonly files?: Readonly<Record<string, string>>;
  readonly tty?: boolean;
  readonly env?: Readonly<Record<string, string>>;
  /** The AWS clients of the live commands (emulators). */
  readonly aws?: AwsClientFactory;
}

/** Runs the real `orgctl` in-process with captured output. */
export async function run(args: string[], options: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, string>();
  const io: CliIo = {
    stdout: { write: (text) => void (stdout += text), isTTY: options.tty ?? false },
    stderr: { write: (text) => void (stderr += text), isTTY: options.tty ?? false },
    readFile: (path) => options.files?.[path] ?? written.get(path) ?? readFileSync(path, 'utf8'),
    writeFile: (path, content) => void written.set(path, content),
    env: options.env ?? {},
    ...(options.aws ? { aws: options.aws } : {}),
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr, written };
}

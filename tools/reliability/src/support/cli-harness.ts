import { runCli, type CliIo } from '@org/orgctl';

/** A file the fake file system serves: its text, or the Node.js error code reading it fails with. */
export type FakeFile = string | { readonly error: 'ENOENT' | 'EISDIR' | 'EACCES' | 'EIO' };

/** What one in-process run of `orgctl` did. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Files the command wrote, by path. */
  readonly written: ReadonlyMap<string, string>;
}

/** Options of {@link runOrgctl}. */
export interface RunOrgctlOptions {
  /** The files the command may read; any other path fails with ENOENT. */
  readonly files?: Readonly<Record<string, FakeFile>>;
  /** Pretend stdout/stderr are terminals (tables and colour by default). */
  readonly tty?: boolean;
  readonly env?: Readonly<Record<string, string>>;
}

/** A Node.js-style file system error. */
function fsError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: cannot read '${path}'`), { code });
}

/**
 * Runs the real `orgctl` (its exported `runCli`) in-process on an in-memory file system, capturing
 * stdout, stderr, written files and the exit code. Nothing touches the disk or the network.
 *
 * @example
 * ```ts
 * const { code, stderr } = await runOrgctl(['validate', '--config', 'g.yaml'], { files: { 'g.yaml': 'x: 1' } });
 * ```
 */
export async function runOrgctl(
  args: readonly string[],
  options: RunOrgctlOptions = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, string>();
  const files = options.files ?? {};
  const io: CliIo = {
    stdout: { write: (text) => void (stdout += text), isTTY: options.tty ?? false },
    stderr: { write: (text) => void (stderr += text), isTTY: options.tty ?? false },
    readFile: (path) => {
      const file = Object.hasOwn(files, path) ? files[path] : undefined;
      if (file === undefined) throw fsError('ENOENT', path);
      if (typeof file !== 'string') throw fsError(file.error, path);
      return file;
    },
    writeFile: (path, content) => void written.set(path, content),
    env: options.env ?? {},
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr, written };
}

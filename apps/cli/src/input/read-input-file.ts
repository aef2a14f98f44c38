import { UsageError } from '../errors';
import type { CliIo } from '../io/cli-io';

/**
 * Reads the file an option names; a file that cannot be read is a usage error (exit 2) that
 * names the option, the path and the reason.
 */
export function readInputFile(io: CliIo, option: string, path: string): string {
  try {
    return io.readFile(path);
  } catch (error) {
    throw new UsageError(`cannot read ${option} file ${path}: ${reason(error)}`, [], {
      cause: error,
    });
  }
}

function reason(error: unknown): string {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

import { InputError, UsageError } from '../errors';
import type { CliIo } from '../io/cli-io';
import { decodeUtf8 } from './decode-utf8';
import { formatBytes, INPUT_LIMITS } from './input-limits';

/**
 * Reads the file an option names. A file that cannot be read is a usage error (exit 2) that
 * names the option, the path and the reason; a file larger than the option's limit
 * ({@link INPUT_LIMITS}) is an {@link InputError} (exit 1) naming the file and the limit, found
 * with `io.fileSize` before reading when the I/O offers it. Files read as bytes (`io.readBytes`)
 * are decoded strictly: invalid UTF-8 is an {@link InputError} naming its line and column.
 *
 * @example
 * ```ts
 * const text = readInputFile(io, '--config', 'governance.yaml');
 * ```
 */
export function readInputFile(io: CliIo, option: string, path: string): string {
  const limit = INPUT_LIMITS[option];
  if (limit !== undefined && io.fileSize !== undefined) {
    checkSize(
      option,
      path,
      attempt(option, path, () => io.fileSize?.(path) ?? 0),
      limit,
    );
  }
  const readBytes = io.readBytes?.bind(io);
  const text =
    readBytes === undefined
      ? attempt(option, path, () => io.readFile(path))
      : decodeUtf8(
          attempt(option, path, () => readBytes(path)),
          path,
        );
  // Without `fileSize` (in-memory I/O), UTF-16 length is a lower bound of the UTF-8 size.
  if (limit !== undefined && io.fileSize === undefined) checkSize(option, path, text.length, limit);
  return text;
}

function checkSize(option: string, path: string, bytes: number, limit: number): void {
  if (bytes <= limit) return;
  throw new InputError(
    `${path} is too large for ${option}: ${formatBytes(bytes)} (${bytes} bytes), the limit is ${formatBytes(limit)}`,
  );
}

function attempt<T>(option: string, path: string, read: () => T): T {
  try {
    return read();
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

/**
 * Reads an input file, turning "not found" into a one-line {@link InputFileError}.
 */
import { readFileSync } from 'node:fs';
import { InputFileError } from '../errors';

/**
 * The file's text.
 *
 * @throws {InputFileError} when the file cannot be read.
 * @example
 * ```ts
 * const text = readInputFile('deploy.json', 'deploy settings');
 * ```
 */
export function readInputFile(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error);
    throw new InputFileError(file, `cannot be read as ${what}`, [{ path: '', message: reason }], {
      cause: error,
    });
  }
}

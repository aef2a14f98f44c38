/**
 * Loads `deploy.json` (JSON) and validates it.
 */
import { InputFileError } from '../errors';
import type { DeploySettings } from '../settings/deploy-settings';
import { parseDeploySettings } from '../settings/parse-deploy-settings';
import { readInputFile } from './read-input-file';

/**
 * The validated deploy settings of a file.
 *
 * @throws {InputFileError} when the file is missing, not JSON, or invalid (every problem listed).
 * @example
 * ```ts
 * const settings = loadDeploySettings('deploy.json');
 * ```
 */
export function loadDeploySettings(file: string): DeploySettings {
  const text = readInputFile(file, 'deploy settings');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputFileError(
      file,
      'is not valid JSON',
      [{ path: '', message: (error as Error).message }],
      { cause: error },
    );
  }
  return parseDeploySettings(parsed, file);
}

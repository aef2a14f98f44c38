/**
 * Loads `governance.yaml` and validates it with the engine (docs/configuration.md): every problem with its
 * path and line.
 */
import { ConfigError, type GovernanceConfig, parseGovernanceConfig } from '@org/scope-engine';
import { InputFileError } from '../errors';
import { readInputFile } from './read-input-file';

/**
 * The validated governance configuration of a file.
 *
 * @throws {InputFileError} when the file is missing or invalid (every problem listed).
 * @example
 * ```ts
 * const config = loadGovernanceConfig('../../examples/governance.yaml');
 * ```
 */
export function loadGovernanceConfig(file: string): GovernanceConfig {
  const text = readInputFile(file, 'a governance configuration');
  try {
    return parseGovernanceConfig(text, file);
  } catch (error) {
    if (error instanceof ConfigError) {
      throw new InputFileError(
        file,
        'is not a valid governance configuration',
        error.problems.map((p) => ({
          path: p.path,
          message: p.line === undefined ? p.message : `${p.message} (line ${p.line})`,
        })),
        { cause: error },
      );
    }
    throw error;
  }
}

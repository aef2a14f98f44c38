import {
  ConfigError,
  formatProblem,
  parseGovernanceConfig,
  parseOrgSnapshot,
  SnapshotError,
  type GovernanceConfig,
  type OrgSnapshot,
} from '@org/scope-engine';
import { InputError } from '../errors';
import type { CliIo } from '../io/cli-io';
import { readInputFile } from './read-input-file';

/** A parsed input together with its text (for line lookups) and file name. */
export interface Loaded<T> {
  readonly value: T;
  readonly path: string;
  readonly text: string;
}

/**
 * Reads and validates `--config`: a usage error if unreadable, an {@link InputError} listing every
 * problem (with YAML lines) if invalid.
 */
export function loadConfig(io: CliIo, path: string): Loaded<GovernanceConfig> {
  const text = readInputFile(io, '--config', path);
  try {
    return { value: parseGovernanceConfig(text, path), path, text };
  } catch (error) {
    if (error instanceof ConfigError) throw toInputError(error);
    throw error;
  }
}

/** Reads and validates `--org` (YAML or JSON). */
export function loadSnapshot(io: CliIo, path: string): Loaded<OrgSnapshot> {
  const text = readInputFile(io, '--org', path);
  try {
    return { value: parseOrgSnapshot(text, path), path, text };
  } catch (error) {
    if (error instanceof SnapshotError) throw toInputError(error);
    throw error;
  }
}

function toInputError(error: ConfigError | SnapshotError): InputError {
  const summary = error.message.split('\n', 1)[0] ?? error.message;
  return new InputError(summary, error.problems.map(formatProblem), {
    cause: error,
    problemCount: error.problemCount,
  });
}

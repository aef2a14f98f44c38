/**
 * Typed errors of the deploy app. Each lists every problem it found with its path, so the person
 * running `nx run deploy-app:synth` fixes everything in one go — never a stack trace.
 */
import { ScopeEngineError } from '@org/scope-engine';

/** One problem in an input file: where and what. */
export interface InputProblem {
  /** Path in the document (`forwarderRegions[1]`), empty for the whole document. */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
}

/**
 * Base class of the deploy app's errors: a {@link ScopeEngineError} (the engine's error style: a
 * stable `code`, `cause` kept, `name` the class's).
 */
export abstract class DeployAppError extends ScopeEngineError {}

/**
 * An input file (deploy settings, governance configuration) is missing or invalid.
 *
 * @example
 * ```ts
 * throw new InputFileError('deploy.json', 'is not valid deploy settings', [{ path: 'region', message: 'expected a region' }]);
 * ```
 */
export class InputFileError extends DeployAppError {
  /** Stable code. */
  readonly code = 'INPUT_INVALID';

  constructor(
    /** The file (as the user named it). */
    readonly file: string,
    /** Summary, e.g. `is not valid deploy settings`. */
    readonly summary: string,
    /** Every problem, each with its path (and line when known, in the message). */
    readonly problems: readonly InputProblem[],
    options?: { cause?: unknown },
  ) {
    super(
      [
        `${file} ${summary}: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`,
        ...problems.map((p) => `  - ${p.path === '' ? '(document)' : p.path}: ${p.message}`),
      ].join('\n'),
      options,
    );
  }
}

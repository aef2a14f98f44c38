import type { Problem } from './problems/problem';
import { formatProblem } from './problems/format-problem';

/**
 * Base class of every error raised by `@org/scope-engine`. `code` is stable and machine-readable;
 * `cause` keeps the underlying error when there is one.
 */
export abstract class ScopeEngineError extends Error {
  /** Stable machine-readable code. */
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Builds `"<summary>: <n> problem(s)\n  - path: message"`. */
function describeProblems(summary: string, problems: readonly Problem[]): string {
  const noun = problems.length === 1 ? 'problem' : 'problems';
  const lines = problems.map((p) => `  - ${formatProblem(p)}`);
  return [`${summary}: ${problems.length} ${noun}`, ...lines].join('\n');
}

/**
 * The governance configuration is invalid. `problems` lists **every** problem found, each with
 * its path in the document (and line, for YAML).
 *
 * @example
 * ```ts
 * try {
 *   parseGovernanceConfig(text, 'governance.yaml');
 * } catch (error) {
 *   if (error instanceof ConfigError) for (const p of error.problems) console.error(formatProblem(p));
 * }
 * ```
 */
export class ConfigError extends ScopeEngineError {
  readonly code = 'CONFIG_INVALID';

  constructor(
    /** Name of the document (file name) the configuration came from. */
    readonly source: string,
    /** Every problem, in document order. */
    readonly problems: readonly Problem[],
    options?: { cause?: unknown },
  ) {
    super(describeProblems(`${source} is not a valid governance configuration`, problems), options);
  }
}

/**
 * The organization snapshot is invalid (syntax, shape or references). `problems` lists every
 * problem with its path, e.g. `accounts[3].parentId`.
 */
export class SnapshotError extends ScopeEngineError {
  readonly code = 'SNAPSHOT_INVALID';

  constructor(
    /** Name of the document (file name) the snapshot came from. */
    readonly source: string,
    /** Every problem, in document order. */
    readonly problems: readonly Problem[],
    options?: { cause?: unknown },
  ) {
    super(describeProblems(`${source} is not a valid organization snapshot`, problems), options);
  }
}

/**
 * An event cannot be applied to the snapshot because the snapshot contradicts it, e.g. an account
 * is moved to an OU the snapshot does not contain. Planning on a guessed parent could grant access
 * an exclusion forbids, so the engine refuses instead.
 */
export class EventSnapshotMismatchError extends ScopeEngineError {
  readonly code = 'EVENT_SNAPSHOT_MISMATCH';

  constructor(
    /** Domain type of the event. */
    readonly eventType: string,
    /** What is missing from the snapshot. */
    readonly detail: string,
  ) {
    super(`Cannot plan ${eventType}: ${detail}`);
  }
}

import type { Problem } from './problems/problem';
import { formatProblem } from './problems/format-problem';
import { MAX_PROBLEMS_LISTED, moreProblemsLine } from './problems/problem-cap';

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

/**
 * Builds `"<summary>: <n> problem(s)\n  - path: message"`, listing at most
 * {@link MAX_PROBLEMS_LISTED} problems and counting the rest.
 */
function describeProblems(summary: string, problems: readonly Problem[], total: number): string {
  const noun = total === 1 ? 'problem' : 'problems';
  const lines = problems.slice(0, MAX_PROBLEMS_LISTED).map((p) => `  - ${formatProblem(p)}`);
  const more = moreProblemsLine(total, lines.length);
  return [
    `${summary}: ${total.toLocaleString('en-US')} ${noun}`,
    ...lines,
    ...(more === undefined ? [] : [`  ${more}`]),
  ].join('\n');
}

/** Options of the errors that carry problems. */
export interface ProblemErrorOptions {
  readonly cause?: unknown;
  /** How many problems were found in all, when `problems` holds only the first ones. */
  readonly problemCount?: number;
}

/**
 * Base of the errors that carry the problems found in one document: `source` names the document,
 * `problems` lists the problems with their paths, `problemCount` counts them all.
 */
export abstract class DocumentProblemsError extends ScopeEngineError {
  /** How many problems were found: `problems.length`, or more when a flood was cut short. */
  readonly problemCount: number;

  constructor(
    /** Name of the document (file name) the problems were found in. */
    readonly source: string,
    /** The problems, in document order (only the first ones of a flood: see `problemCount`). */
    readonly problems: readonly Problem[],
    /** What the document is not, e.g. `"a valid organization snapshot"`. */
    notA: string,
    options?: ProblemErrorOptions,
  ) {
    const total = Math.max(options?.problemCount ?? 0, problems.length);
    super(describeProblems(`${source} is not ${notA}`, problems, total), options);
    this.problemCount = total;
  }
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
export class ConfigError extends DocumentProblemsError {
  readonly code = 'CONFIG_INVALID';

  /**
   * @param source - Name of the document (file name) the configuration came from.
   * @param problems - The problems, in document order.
   */
  constructor(source: string, problems: readonly Problem[], options?: ProblemErrorOptions) {
    super(source, problems, 'a valid governance configuration', options);
  }
}

/**
 * The organization snapshot is invalid (syntax, shape or references). `problems` lists every
 * problem with its path, e.g. `accounts[3].parentId`.
 */
export class SnapshotError extends DocumentProblemsError {
  readonly code = 'SNAPSHOT_INVALID';

  /**
   * @param source - Name of the document (file name) the snapshot came from.
   * @param problems - The problems, in document order.
   */
  constructor(source: string, problems: readonly Problem[], options?: ProblemErrorOptions) {
    super(source, problems, 'a valid organization snapshot', options);
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

/**
 * The error a function raises at cold start when its environment is incomplete or invalid.
 */

/** One environment variable problem: which variable and what is wrong. */
export interface EnvironmentProblem {
  /** The variable's name, e.g. `RULES_TABLE`. */
  readonly variable: string;
  /** What is wrong, e.g. `is required`. */
  readonly problem: string;
}

/**
 * A function's environment is misconfigured. Lists every problem at once and names the
 * function, so a broken deployment fails its first invocation loudly and completely.
 *
 * @example
 * ```ts
 * new HandlerEnvironmentError('reconciler', [{ variable: 'RULES_TABLE', problem: 'is required' }]).message;
 * // 'reconciler: invalid environment: RULES_TABLE is required'
 * ```
 */
export class HandlerEnvironmentError extends Error {
  /** Stable machine-readable code. */
  readonly code = 'HANDLER_ENVIRONMENT_INVALID';

  constructor(
    /** The function whose environment is invalid. */
    readonly functionName: string,
    /** Every problem found. */
    readonly problems: readonly EnvironmentProblem[],
  ) {
    super(
      `${functionName}: invalid environment: ${problems.map((p) => `${p.variable} ${p.problem}`).join('; ')}`,
    );
    this.name = new.target.name;
  }
}

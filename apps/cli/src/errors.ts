/** Problems listed in an error's `message` (all of them stay in `problems`). */
const MESSAGE_PROBLEMS = 100;

/**
 * Typed errors of `orgctl`. Each carries the exit code it maps to: 1 for invalid input
 * (configuration, snapshot or event), 2 for usage errors, 3 when AWS failed a live command. The CLI prints them as a one-line
 * summary plus a list of problems — never a stack trace.
 */
export abstract class CliError extends Error {
  /** Stable machine-readable code. */
  abstract readonly code: string;
  /** Process exit code. */
  abstract readonly exitCode: 1 | 2 | 3;
  /** How many problems there are: `problems.length`, or more when only the first were kept. */
  readonly problemCount: number;

  constructor(
    /** One-line summary. */
    readonly summary: string,
    /** Problems, one per line (may be empty; the first ones of a flood). */
    readonly problems: readonly string[] = [],
    options?: { cause?: unknown; problemCount?: number },
  ) {
    // The message lists the first problems only: `problems` may hold hundreds of thousands.
    const listed = problems.slice(0, MESSAGE_PROBLEMS).map((p) => `  - ${p}`);
    const total = Math.max(options?.problemCount ?? 0, problems.length);
    const rest = total - listed.length;
    const more = rest > 0 ? [`  … and ${rest} more`] : [];
    super([summary, ...listed, ...more].join('\n'), options);
    this.name = new.target.name;
    this.problemCount = total;
  }
}

/**
 * The command line is wrong: unknown option, missing option, conflicting options, or a file
 * that cannot be read. Exit code 2.
 */
export class UsageError extends CliError {
  readonly code = 'USAGE';
  readonly exitCode = 2;
}

/**
 * An input file is invalid: bad YAML/JSON, an invalid configuration or snapshot, a malformed
 * event, or an event the snapshot contradicts. Exit code 1.
 *
 * @example
 * ```ts
 * throw new InputError('governance.yaml is not a valid governance configuration: 2 problems', [
 *   'line 3: scpRules[0].id: duplicate id "a"',
 * ]);
 * ```
 */
export class InputError extends CliError {
  readonly code = 'INVALID_INPUT';
  readonly exitCode = 1;
}

/**
 * A live command (`reconcile`, `rules apply`) failed on the AWS side: credentials, access denied,
 * a missing table or queue, throttling that outlived the retries, operations that failed. Exit
 * code 3. The summary names the failing call and the adapter's stable error code.
 *
 * @example
 * ```ts
 * throw new RemoteError('reading the organization failed: AccessDenied: ...');
 * ```
 */
export class RemoteError extends CliError {
  readonly code = 'REMOTE';
  readonly exitCode = 3;
}

/**
 * Typed errors of the chaos run. Each has a stable `code`; `cause` keeps the underlying error.
 */

/** Base class of every error raised by the chaos run. */
export abstract class ChaosError extends Error {
  /** Stable machine-readable code. */
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * The command line is wrong: an unknown flag, a missing or malformed value. Printed with the
 * usage, exit code 2.
 *
 * @example
 * ```ts
 * throw new ChaosUsageError('--events', 'expected a whole number ≥ 1, got "many"');
 * ```
 */
export class ChaosUsageError extends ChaosError {
  readonly code = 'CHAOS_USAGE';

  constructor(
    /** The flag (or argument) at fault. */
    readonly flag: string,
    /** What is wrong with it. */
    readonly problem: string,
  ) {
    super(`${flag}: ${problem}`);
  }
}

/**
 * The run could not be set up or driven (an emulator did not start, seeding failed, the queue
 * never drained). Not a verdict on the product: exit code 1 with this message.
 */
export class ChaosSetupError extends ChaosError {
  readonly code = 'CHAOS_SETUP';
}

/**
 * A simulated Lambda container was killed by the chaos run (a worker crash): every AWS call it
 * attempts afterwards fails with this error, so nothing it does after the crash point reaches
 * AWS. Not retryable: a dead process does not retry.
 */
export class ContainerCrashedError extends ChaosError {
  readonly code = 'CONTAINER_CRASHED';
  readonly retryable = false;

  constructor(
    /** The crashed container, e.g. `operations-worker#3`. */
    readonly container: string,
  ) {
    super(`${container} crashed (injected by the chaos run)`);
  }
}

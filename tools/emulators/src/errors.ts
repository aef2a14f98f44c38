/**
 * Typed errors of the emulator harness: each says what is missing or broken and how to fix it.
 */

/** Base class of every harness error (stable `code`, `cause` kept). */
export abstract class EmulatorError extends Error {
  /** Stable, machine-readable error code. */
  abstract readonly code: string;

  constructor(message: string, options: { readonly cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
  }
}

/** A required tool (moto_server, java) is not installed. */
export class EmulatorMissingError extends EmulatorError {
  readonly code = 'EmulatorMissing';
}

/** An emulator exited or did not become ready in time. */
export class EmulatorStartError extends EmulatorError {
  readonly code = 'EmulatorStartFailed';
}

/** DynamoDB Local could not be fetched or prepared. */
export class EmulatorFetchError extends EmulatorError {
  readonly code = 'EmulatorFetchFailed';
}

/** A process the harness started is still running after it was stopped. */
export class EmulatorLeakError extends EmulatorError {
  readonly code = 'EmulatorLeak';
}

/** The harness was used outside its set-up (e.g. endpoints missing from the environment). */
export class EmulatorUsageError extends EmulatorError {
  readonly code = 'EmulatorUsage';
}

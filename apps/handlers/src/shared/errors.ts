/**
 * Typed errors of the Lambda handlers. Each has a stable `code`; `cause` keeps the underlying
 * error. `retryable` tells the handler whether to fail the work back to its source (queue record,
 * async invocation) for another attempt.
 */
import { PipelineError } from '@org/governance-runtime';

/**
 * Base class of every error raised by apps/handlers: a {@link PipelineError} of the runtime, so
 * one error style holds from the engine to the handlers — a stable `code`, `retryable`, `cause`
 * kept and `name` the class's.
 */
export abstract class HandlerError extends PipelineError {}

/**
 * A function's environment is misconfigured: `HandlerEnvironmentError` of `@org/contracts`,
 * raised at cold start (re-exported so importers of the handlers' errors find it here).
 */
export { HandlerEnvironmentError, type EnvironmentProblem } from '@org/contracts';

/** The invocation is too close to its timeout to start another record; it is retried. */
export class InvocationDeadlineError extends HandlerError {
  readonly code = 'INVOCATION_DEADLINE';
  readonly retryable = true;

  constructor(
    /** Milliseconds left when the record was refused. */
    readonly remainingMs: number,
  ) {
    super(`Only ${remainingMs} ms left in this invocation; the record is retried later`);
  }
}

/** `sts:AssumeRole` of the Identity Center role answered without credentials. */
export class AssumeRoleError extends HandlerError {
  readonly code = 'ASSUME_ROLE_FAILED';
  readonly retryable = true;

  constructor(
    /** The role that was assumed. */
    readonly roleArn: string,
    /** What the answer lacked. */
    reason: string,
  ) {
    super(`sts:AssumeRole of ${roleArn} ${reason}`);
  }
}

/**
 * How port implementations report failures, so callers can decide between "retry later" and
 * "give up" without importing any adapter code.
 */

/**
 * The shape every error thrown by a port implementation has.
 *
 * - `code` is stable and machine-readable (e.g. `Throttled`, `AccessDenied`, `NotFound`).
 * - `retryable` is `true` when the same call may succeed later (throttling, concurrent
 *   modification, 5xx): the operations worker fails the record back to the queue instead of
 *   recording a terminal failure.
 *
 * @example
 * ```ts
 * function isRetryable(error: unknown): boolean {
 *   return error instanceof Error && (error as Partial<PortFailure>).retryable === true;
 * }
 * ```
 */
export interface PortFailure extends Error {
  readonly code: string;
  readonly retryable: boolean;
}

/**
 * Result of an idempotent change: `changed` when the call changed something, `alreadyInState`
 * when the desired state already held (e.g. `DuplicatePolicyAttachmentException`).
 */
export type ChangeOutcome = 'changed' | 'alreadyInState';

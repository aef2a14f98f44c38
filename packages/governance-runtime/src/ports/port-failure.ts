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
 * The codes of a service's refusal (it answered the request with a 4xx: access denied, the
 * target or policy not found, an invalid request or a limit): nothing took effect. Any other
 * failure — throttling, a 5xx, an unclassified or unreadable answer — may have come after the
 * change took effect.
 */
export const REFUSAL_CODES: readonly string[] = ['AccessDenied', 'NotFound', 'InvalidRequest'];

/**
 * `true` when `error` is a port's report of a refusal (see {@link REFUSAL_CODES}).
 *
 * @example
 * ```ts
 * catch (error) { if (isRefusal(error)) await forgetIntent(); throw error; }
 * ```
 */
export function isRefusal(error: unknown): boolean {
  const code = error instanceof Error ? (error as Partial<PortFailure>).code : undefined;
  return typeof code === 'string' && REFUSAL_CODES.includes(code);
}

/**
 * Result of an idempotent change: `changed` when the call changed something, `alreadyInState`
 * when the desired state already held (e.g. `DuplicatePolicyAttachmentException`).
 */
export type ChangeOutcome = 'changed' | 'alreadyInState';

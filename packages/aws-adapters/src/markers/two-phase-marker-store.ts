/**
 * Two-phase once-only markers: a side effect is claimed (`IN_PROGRESS`, with a lease), then
 * recorded (`COMPLETED`, with its result). A crash between the two leaves a claim that another
 * invocation takes over once the lease has expired, so the side effect is never lost.
 */

/** The state of a two-phase marker. */
export type MarkerState = 'IN_PROGRESS' | 'COMPLETED';

/** What {@link TwoPhaseMarkerStore.begin} found. */
export type MarkerClaim =
  /** The caller owns the marker until `leaseExpiresAt`: do the side effect, then complete it. */
  | { readonly status: 'claimed'; readonly token: string; readonly leaseExpiresAt: number }
  /** The side effect was done; `result` is what was recorded (absent for legacy markers). */
  | { readonly status: 'completed'; readonly result?: string }
  /** Another invocation owns the marker until `leaseExpiresAt` (epoch milliseconds). */
  | { readonly status: 'inProgress'; readonly leaseExpiresAt: number };

/**
 * Two-phase markers. Only the holder of a claim's `token` can complete or abandon it, so a
 * late invocation whose lease was taken over cannot overwrite or delete its successor's claim.
 *
 * @example
 * ```ts
 * const claim = await markers.begin(key, 900_000);
 * if (claim.status === 'completed') return claim.result;
 * if (claim.status === 'inProgress') throw new MarkerInProgressError(key, claim.leaseExpiresAt);
 * try {
 *   const result = await sideEffect();
 *   await markers.complete(key, claim.token, result);
 *   return result;
 * } catch (error) {
 *   await markers.abandon(key, claim.token);
 *   throw error;
 * }
 * ```
 */
export interface TwoPhaseMarkerStore {
  /** Claims `key` for `leaseMs` unless it is completed or claimed by someone whose lease runs. */
  begin(key: string, leaseMs: number): Promise<MarkerClaim>;

  /**
   * Records the result of the claimed side effect. `false` when the claim was no longer the
   * caller's (its lease expired and another invocation took the marker over).
   */
  complete(key: string, token: string, result: string): Promise<boolean>;

  /** Deletes the caller's claim (the side effect failed and may be tried again). */
  abandon(key: string, token: string): Promise<void>;
}

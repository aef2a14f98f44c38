/**
 * Two-phase once-only markers for side effects that cannot be undone (a webhook, an SNS message,
 * a failure report): the side effect is claimed with a lease, then recorded as done. A crash
 * between the two leaves a claim that the next attempt takes over once the lease has run out,
 * so the side effect is neither lost nor, while the lease runs, repeated. (The same contract as
 * `TwoPhaseMarkerStore` of `@org/aws-adapters`, whose DynamoDB store implements it.)
 */

/** What {@link DeliveryMarkers.begin} found. */
export type DeliveryClaim =
  /** The caller owns the marker until `leaseExpiresAt` (epoch ms): do it, then complete it. */
  | { readonly status: 'claimed'; readonly token: string; readonly leaseExpiresAt: number }
  /** It was done; `result` is what was recorded (absent for one-phase markers). */
  | { readonly status: 'completed'; readonly result?: string }
  /** Another attempt owns the marker until `leaseExpiresAt` (epoch ms). */
  | { readonly status: 'inProgress'; readonly leaseExpiresAt: number };

/**
 * Two-phase markers. Only the holder of a claim's `token` can complete or abandon it.
 *
 * @example
 * ```ts
 * const claim = await markers.begin(key, leaseMs);
 * if (claim.status === 'claimed') {
 *   try { const ref = await send(); await markers.complete(key, claim.token, ref); }
 *   catch (error) { await markers.abandon(key, claim.token); throw error; }
 * }
 * ```
 */
export interface DeliveryMarkers {
  /** Claims `key` for `leaseMs` unless it is done or claimed by someone whose lease runs. */
  begin(key: string, leaseMs: number): Promise<DeliveryClaim>;

  /** Records the result; `false` when the claim is no longer the caller's (taken over). */
  complete(key: string, token: string, result: string): Promise<boolean>;

  /** Deletes the caller's claim (the side effect failed and may be tried again). */
  abandon(key: string, token: string): Promise<void>;
}

/** The lease when the caller does not know its deadline: 15 minutes, the longest Lambda run. */
export const DEFAULT_DELIVERY_LEASE_MS = 900_000;

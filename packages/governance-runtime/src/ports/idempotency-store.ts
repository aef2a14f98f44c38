/**
 * Markers that make side effects happen once (e.g. one Support case per account + notification).
 */

/**
 * A set of claimed keys.
 *
 * @example
 * ```ts
 * if (await markers.claim(`support#${accountId}#${notificationId}`)) {
 *   try { await openCase(); } catch (e) { await markers.release(key); throw e; }
 * }
 * ```
 */
export interface IdempotencyStore {
  /** `true` the first time a key is claimed, `false` afterwards. */
  claim(key: string): Promise<boolean>;

  /** Forgets a key (the side effect failed and may be retried). */
  release(key: string): Promise<void>;
}

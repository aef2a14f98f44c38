import { DeliveryInProgressError } from '../errors';
import type { DeliveryMarkers } from './delivery-markers';

/** What {@link deliverOnce} did. */
export type OnceOutcome =
  | { readonly status: 'sent'; readonly reference: string }
  | { readonly status: 'duplicate'; readonly reference?: string };

/**
 * Does `send` at most once per `key` (two-phase: claimed with a lease of `leaseMs`, then
 * completed with `send`'s reference): a repeat returns `duplicate` with the first reference;
 * a failed send abandons the claim so a retry sends again; a claim left by a crashed attempt is
 * taken over once its lease has run out.
 *
 * @throws {DeliveryInProgressError} (retryable) while another attempt's lease runs.
 * @example
 * ```ts
 * const outcome = await deliverOnce(markers, `notify#${id}#${eventId}#${accountId}`, 60_000, () => publish());
 * ```
 */
export async function deliverOnce(
  markers: DeliveryMarkers,
  key: string,
  leaseMs: number,
  send: () => Promise<string>,
): Promise<OnceOutcome> {
  const claim = await markers.begin(key, leaseMs);
  if (claim.status === 'completed') {
    return claim.result === undefined
      ? { status: 'duplicate' }
      : { status: 'duplicate', reference: claim.result };
  }
  if (claim.status === 'inProgress') throw new DeliveryInProgressError(key, claim.leaseExpiresAt);
  let reference: string;
  try {
    reference = await send();
  } catch (error) {
    await markers.abandon(key, claim.token);
    throw error;
  }
  // `false` only if this attempt outlived its lease and was taken over; it has sent anyway.
  await markers.complete(key, claim.token, reference);
  return { status: 'sent', reference };
}

import type { Context } from 'aws-lambda';

/** Added to the remaining run time, for clock differences between the function and DynamoDB. */
export const DELIVERY_LEASE_MARGIN_MS = 10_000;

/**
 * The lease of a once-only delivery (notification, failure report) claimed by this invocation:
 * its remaining run time plus a margin. The invocation cannot still be sending after that, and the
 * next attempt of an asynchronous invocation comes at least a minute later, so a retry takes
 * over a delivery a crash interrupted instead of waiting for it.
 *
 * @example
 * ```ts
 * await sendNotifications(eventId, operations, config, deps, { leaseMs: deliveryLeaseMs(context) });
 * ```
 */
export function deliveryLeaseMs(context: Pick<Context, 'getRemainingTimeInMillis'>): number {
  return Math.max(0, context.getRemainingTimeInMillis()) + DELIVERY_LEASE_MARGIN_MS;
}

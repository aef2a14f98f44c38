import type { IdempotencyStore } from '../ports/idempotency-store';
import type { Clock } from '../clock';
import type { DeliveryClaim, DeliveryMarkers } from '../notify/delivery-markers';

/** One marker: done (with its result, if recorded), or claimed until a time. */
type Marker =
  | { readonly state: 'COMPLETED'; readonly result?: string }
  | { readonly state: 'IN_PROGRESS'; readonly token: string; readonly leaseExpiresAt: number };

/**
 * Once-only markers in memory: one-phase ({@link IdempotencyStore}: claim / release) and
 * two-phase ({@link DeliveryMarkers}: begin with a lease / complete / abandon), with the same
 * rules as the DynamoDB store of `@org/aws-adapters`.
 *
 * @example
 * ```ts
 * const markers = new InMemoryIdempotencyStore(clock);
 * await markers.claim('k'); // true
 * await markers.claim('k'); // false
 * const claim = await markers.begin('n', 60_000); // { status: 'claimed', token, leaseExpiresAt }
 * ```
 */
export class InMemoryIdempotencyStore implements IdempotencyStore, DeliveryMarkers {
  private readonly markers = new Map<string, Marker>();
  private tokens = 0;

  /** @param clock time of the leases. @default the system clock */
  constructor(private readonly clock: Pick<Clock, 'now'> = { now: () => Date.now() }) {}

  /** {@inheritDoc IdempotencyStore.claim} */
  async claim(key: string): Promise<boolean> {
    if (this.markers.has(key)) return false;
    this.markers.set(key, { state: 'COMPLETED' });
    return true;
  }

  /** {@inheritDoc IdempotencyStore.release} */
  async release(key: string): Promise<void> {
    this.markers.delete(key);
  }

  /** {@inheritDoc DeliveryMarkers.begin} */
  async begin(key: string, leaseMs: number): Promise<DeliveryClaim> {
    const marker = this.markers.get(key);
    const now = this.clock.now();
    if (marker?.state === 'COMPLETED') {
      return marker.result === undefined
        ? { status: 'completed' }
        : { status: 'completed', result: marker.result };
    }
    if (marker !== undefined && marker.leaseExpiresAt > now) {
      return { status: 'inProgress', leaseExpiresAt: marker.leaseExpiresAt };
    }
    this.tokens += 1;
    const claimed = {
      state: 'IN_PROGRESS',
      token: `token-${this.tokens}`,
      leaseExpiresAt: now + leaseMs,
    } as const;
    this.markers.set(key, claimed);
    return { status: 'claimed', token: claimed.token, leaseExpiresAt: claimed.leaseExpiresAt };
  }

  /** {@inheritDoc DeliveryMarkers.complete} */
  async complete(key: string, token: string, result: string): Promise<boolean> {
    if (!this.holds(key, token)) return false;
    this.markers.set(key, { state: 'COMPLETED', result });
    return true;
  }

  /** {@inheritDoc DeliveryMarkers.abandon} */
  async abandon(key: string, token: string): Promise<void> {
    if (this.holds(key, token)) this.markers.delete(key);
  }

  /** `true` when `token` holds the claim of `key`. */
  private holds(key: string, token: string): boolean {
    const marker = this.markers.get(key);
    return marker?.state === 'IN_PROGRESS' && marker.token === token;
  }
}

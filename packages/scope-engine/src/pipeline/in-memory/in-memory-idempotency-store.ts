import type { IdempotencyStore } from '../../ports';

/**
 * An {@link IdempotencyStore} in memory.
 *
 * @example
 * ```ts
 * const markers = new InMemoryIdempotencyStore();
 * await markers.claim('k'); // true
 * await markers.claim('k'); // false
 * ```
 */
export class InMemoryIdempotencyStore implements IdempotencyStore {
  private readonly keys = new Set<string>();

  /** {@inheritDoc IdempotencyStore.claim} */
  async claim(key: string): Promise<boolean> {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    return true;
  }

  /** {@inheritDoc IdempotencyStore.release} */
  async release(key: string): Promise<void> {
    this.keys.delete(key);
  }
}

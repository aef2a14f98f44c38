/**
 * Caches of asynchronous look-ups: the promise is cached (concurrent callers share one call), a
 * rejected look-up is forgotten so the next call retries, and entries expire after a TTL.
 */

/** Options of {@link AsyncCache}. */
export interface AsyncCacheOptions {
  /** Entry lifetime in milliseconds. @default Infinity (never expires) */
  readonly ttlMs?: number;
  /** Clock in epoch milliseconds. @default Date.now */
  readonly now?: () => number;
}

interface Entry<V> {
  readonly value: Promise<V>;
  readonly expiresAt: number;
}

/**
 * A keyed cache of asynchronous values.
 *
 * @example
 * ```ts
 * const groups = new AsyncCache<string, string | null>({ ttlMs: 60_000 });
 * const id = await groups.get('Auditors', () => lookUpGroupId('Auditors'));
 * ```
 */
export class AsyncCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: AsyncCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? Number.POSITIVE_INFINITY;
    this.now = options.now ?? Date.now;
  }

  /** The cached value of `key`, loading it with `load` when absent or expired. */
  get(key: K, load: () => Promise<V>): Promise<V> {
    const cached = this.entries.get(key);
    if (cached && cached.expiresAt > this.now()) return cached.value;
    const value = load();
    const entry = { value, expiresAt: this.now() + this.ttlMs };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  /** Forgets one key, or everything. */
  clear(key?: K): void {
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }
}

/**
 * A small concurrency limiter: at most `concurrency` tasks run at once, the rest wait in order.
 */

/** Runs a task when a slot is free. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * Creates a limiter.
 *
 * @example
 * ```ts
 * const limit = createLimiter(8);
 * const tags = await Promise.all(accountIds.map((id) => limit(() => readTags(id))));
 * ```
 */
export function createLimiter(concurrency: number): Limiter {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
  }
  let running = 0;
  const waiting: (() => void)[] = [];

  const release = (): void => {
    running -= 1;
    const next = waiting.shift();
    if (next) next();
  };

  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= concurrency) {
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    running += 1;
    try {
      return await task();
    } finally {
      release();
    }
  };
}

/**
 * Maps `items` through `mapper` with at most `concurrency` calls in flight; keeps input order.
 *
 * @example
 * ```ts
 * const parents = await mapWithConcurrency(accountIds, 8, (id) => readParent(id));
 * ```
 */
export function mapWithConcurrency<T, R>(
  items: readonly T[],
  concurrency: number,
  mapper: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const limit = createLimiter(concurrency);
  return Promise.all(items.map((item, index) => limit(() => mapper(item, index))));
}

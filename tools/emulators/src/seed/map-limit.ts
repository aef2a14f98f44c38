/**
 * Bounded-concurrency map for seeding.
 */

/**
 * Maps with at most `limit` calls in flight, keeping order.
 *
 * @example
 * ```ts
 * await mapLimit(accounts, 8, (account) => createAccount(account));
 * ```
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  mapper: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await mapper(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

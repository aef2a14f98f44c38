/**
 * Maps `items` with at most `limit` calls of `fn` in flight; results keep the input order.
 *
 * @example
 * ```ts
 * const assignments = await mapLimit(accountIds, 4, (id) => identityCenter.listAssignments(id));
 * ```
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/**
 * Items grouped by a string key, each group in the items' order.
 *
 * @example
 * ```ts
 * groupBy(snapshot.accounts, (account) => account.parentId).get('r-ab12'); // the root's accounts
 * ```
 */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

/** A value seen twice: where it first appeared and where it appeared again. */
export interface Duplicate {
  readonly key: string;
  readonly firstIndex: number;
  readonly index: number;
}

/**
 * Finds items whose `keyOf` repeats an earlier item's; one entry per repetition.
 *
 * @example
 * ```ts
 * findDuplicates([{ id: 'a' }, { id: 'a' }], (x) => x.id); // [{ key: 'a', firstIndex: 0, index: 1 }]
 * ```
 */
export function findDuplicates<T>(items: readonly T[], keyOf: (item: T) => string): Duplicate[] {
  const first = new Map<string, number>();
  const duplicates: Duplicate[] = [];
  items.forEach((item, index) => {
    const key = keyOf(item);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, index);
    else duplicates.push({ key, firstIndex: seen, index });
  });
  return duplicates;
}

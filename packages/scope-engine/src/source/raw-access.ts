/**
 * Defensive readers over raw (not yet validated) document data, so semantic checks can run even
 * when the shape check failed elsewhere — every problem is reported at once.
 */

/** A plain object, or `undefined`. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The mapping items of the list `root[key]`, with their indexes (non-mappings are skipped). */
export function recordsAt(root: unknown, key: string): Array<[number, Record<string, unknown>]> {
  const list = asRecord(root)?.[key];
  if (!Array.isArray(list)) return [];
  const out: Array<[number, Record<string, unknown>]> = [];
  list.forEach((item, index) => {
    const record = asRecord(item);
    if (record) out.push([index, record]);
  });
  return out;
}

/** `record[key]` when it is a string. */
export function stringAt(
  record: Record<string, unknown> | undefined,
  key: string,
): string | undefined {
  const value = record?.[key];
  return typeof value === 'string' ? value : undefined;
}

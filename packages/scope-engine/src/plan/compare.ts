/**
 * Locale-independent string order (UTF-16 code units), so plans are identical on every machine.
 *
 * @example
 * ```ts
 * ['b', 'B', 'a'].sort(compareStrings); // ['B', 'a', 'b']
 * ```
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

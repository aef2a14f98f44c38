/**
 * Canonical JSON (object keys sorted at every level) and its SHA-256, for deduplication ids.
 */
import { createHash } from 'node:crypto';

function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, entry]) => [key, canonicalize(entry)]));
  }
  return value;
}

/**
 * JSON with object keys sorted, so equal values always serialize identically.
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }); // '{"a":[{"c":3,"d":2}],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value));
}

/**
 * Hex SHA-256 of the canonical JSON of `value`.
 *
 * @example
 * ```ts
 * const deduplicationId = sha256OfCanonicalJson(operation);
 * ```
 */
export function sha256OfCanonicalJson(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/**
 * Compares strings by UTF-16 code units (not locale), the order used for every sorted output.
 *
 * @example
 * ```ts
 * ['p-aaaa1111', 'p-FullAWSAccess'].sort(compareStrings); // ['p-FullAWSAccess', 'p-aaaa1111']
 * ```
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

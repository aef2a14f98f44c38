import { jsonQuote } from '../describe/display-text';

/** A property name that can follow a dot in a JSON path. */
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Renders a zod issue path as a JSON path from the event root: `$.detail.requestParameters`,
 * array indexes as `[0]`, other keys bracketed and quoted safe to display (`$["detail-type"]`,
 * `$.detail.tags["a\\u009b"]`).
 *
 * @example
 * ```ts
 * toJsonPath(['detail', 'requestParameters', 'tags', 0, 'key']); // '$.detail.requestParameters.tags[0].key'
 * toJsonPath(['detail', 'changed-tag-keys']); // '$.detail["changed-tag-keys"]'
 * ```
 */
export function toJsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) out += `.${segment}`;
    else out += `[${jsonQuote(String(segment))}]`;
  }
  return out;
}

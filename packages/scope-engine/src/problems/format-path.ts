import type { PathSegment } from './problem';
import { MAX_QUOTED_LENGTH, quoteText } from './quote-text';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * Formats path segments the way users read them.
 *
 * @example
 * ```ts
 * formatPath(['scpRules', 1, 'scope', 'type']); // 'scpRules[1].scope.type'
 * formatPath(['tags', 'cost center']);          // 'tags["cost center"]'
 * ```
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment) && segment.length <= MAX_QUOTED_LENGTH)
      out += out === '' ? segment : `.${segment}`;
    else out += `[${quoteText(segment)}]`;
  }
  return out;
}

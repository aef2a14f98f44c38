/**
 * The most problems a parse keeps (with their paths and lines); beyond it problems are only
 * counted, so a flood of hundreds of thousands costs no more than counting it.
 */
export const MAX_PROBLEMS_KEPT = 1000;

/** The most problems a message lists; the rest are counted ("… and 12,345 more problems"). */
export const MAX_PROBLEMS_LISTED = 100;

/**
 * The line that stands for the problems a list leaves out, or `undefined` when none is left out.
 *
 * @example
 * ```ts
 * moreProblemsLine(12_445, 100); // '… and 12,345 more problems'
 * moreProblemsLine(3, 100); // undefined
 * ```
 */
export function moreProblemsLine(
  total: number,
  listed = MAX_PROBLEMS_LISTED,
  noun = 'problem',
): string | undefined {
  const rest = total - listed;
  if (rest <= 0) return undefined;
  return `… and ${rest.toLocaleString('en-US')} more ${rest === 1 ? noun : `${noun}s`}`;
}

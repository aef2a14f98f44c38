import type * as z from 'zod/mini';
import type { SourceDocument } from '../source/source-document';
import type { Problem } from './problem';
import { MAX_PROBLEMS_KEPT } from './problem-cap';
import { sortProblems } from './sort-problems';
import { problemsFromZod } from './zod-problems';

/**
 * The problems of a parse in document order — shape problems (zod issues) and the semantic checks'
 * — keeping at most {@link MAX_PROBLEMS_KEPT}: beyond it issues are counted, not located or
 * formatted, so a flood of problems costs little more than counting it.
 *
 * @example
 * ```ts
 * const { problems, problemCount } = keptProblems(result.error.issues, doc, checkConfig(doc));
 * ```
 */
export function keptProblems(
  issues: readonly z.core.$ZodIssue[],
  doc: SourceDocument,
  checks: readonly Problem[],
): { readonly problems: Problem[]; readonly problemCount: number } {
  const kept = issues.length > MAX_PROBLEMS_KEPT ? issues.slice(0, MAX_PROBLEMS_KEPT) : issues;
  const shape = problemsFromZod(kept, doc);
  const problems = sortProblems([...shape, ...checks.slice(0, MAX_PROBLEMS_KEPT)]);
  const problemCount = shape.length + (issues.length - kept.length) + checks.length;
  return { problems: problems.slice(0, MAX_PROBLEMS_KEPT), problemCount };
}

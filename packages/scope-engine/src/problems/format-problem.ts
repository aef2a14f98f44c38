import type { Problem } from './problem';

/**
 * Formats a problem as one line: `line 14: scpRules[1].scope.type: unknown scope type "tag"`.
 *
 * @example
 * ```ts
 * formatProblem({ path: 'accounts[3].parentId', message: 'unknown parent "ou-x"' });
 * // 'accounts[3].parentId: unknown parent "ou-x"'
 * ```
 */
export function formatProblem(problem: Problem): string {
  const where = problem.path === '' ? '(document)' : problem.path;
  const prefix = problem.line === undefined ? '' : `line ${problem.line}: `;
  return `${prefix}${where}: ${problem.message}`;
}

import { ConfigError, SnapshotError } from '../errors';
import type { Problem } from '../problems/problem';

/**
 * The problems a configuration or snapshot parse reports, or `[]` when it succeeds; any other
 * error is rethrown.
 *
 * @example
 * ```ts
 * problemsOf(() => parseGovernanceConfig({ scpRules: 'x' })); // [{ path: 'scpRules', message: … }]
 * ```
 */
export function problemsOf(parse: () => unknown): readonly Problem[] {
  try {
    parse();
    return [];
  } catch (error) {
    if (error instanceof ConfigError || error instanceof SnapshotError) return error.problems;
    throw error;
  }
}

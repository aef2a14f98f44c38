import type { Account } from '../model/org-snapshot';
import type { Exclusions, Scope } from '../model/governance-config';
import type { OrgView } from '../snapshot/org-index';

/** Whether a rule applies to an account, and why (shown in reports and tests). */
export interface MatchResult {
  readonly match: boolean;
  readonly reason: string;
}

/**
 * A scope matcher: one pure function per scope type. Exclusions are checked first and win over
 * every inclusion.
 */
export type ScopeMatcher<S extends Scope> = (
  account: Account,
  scope: S,
  exclude: Exclusions,
  org: OrgView,
) => MatchResult;

/** A match, with its reason. */
export function matched(reason: string): MatchResult {
  return { match: true, reason };
}

/** No match, with its reason. */
export function notMatched(reason: string): MatchResult {
  return { match: false, reason };
}

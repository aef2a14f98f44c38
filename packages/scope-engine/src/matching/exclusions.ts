import type { Account } from '../model/org-snapshot';
import type { Exclusions, Scope } from '../model/governance-config';
import type { OrgView } from '../snapshot/org-index';
import { notMatched, type MatchResult, type ScopeMatcher } from './match-result';

/**
 * The exclusion that removes `account` from a rule, or `undefined` when none does. An excluded OU
 * excludes its whole subtree.
 *
 * @example
 * ```ts
 * excludedBy(sandboxAccount, { accounts: [], ous: ['ou-ab12-33333333'] }, index);
 * // { match: false, reason: 'excluded: in OU ou-ab12-33333333' }
 * ```
 */
export function excludedBy(
  account: Account,
  exclude: Exclusions,
  org: OrgView,
): MatchResult | undefined {
  if (exclude.accounts.includes(account.id)) return notMatched(`excluded: account ${account.id}`);
  if (exclude.ous.length === 0) return undefined;
  const ancestors = org.ancestorsOf(account.parentId);
  const ou = exclude.ous.find((id) => ancestors.includes(id));
  return ou === undefined ? undefined : notMatched(`excluded: in OU ${ou}`);
}

/**
 * The {@link ScopeMatcher} of one scope type, built from its inclusion test: exclusions are
 * checked first and win over the inclusion.
 *
 * @example
 * ```ts
 * const matchRoot = unlessExcluded<RootScope>(() => matched('root: every account'));
 * ```
 */
export function unlessExcluded<S extends Scope>(
  includes: (account: Account, scope: S, org: OrgView) => MatchResult,
): ScopeMatcher<S> {
  return (account, scope, exclude, org) =>
    excludedBy(account, exclude, org) ?? includes(account, scope, org);
}

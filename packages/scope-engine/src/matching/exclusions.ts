import type { Account } from '../model/org-snapshot';
import type { Exclusions } from '../model/governance-config';
import type { OrgView } from '../snapshot/org-index';
import { notMatched, type MatchResult } from './match-result';

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

import type { Account } from '../model/org-snapshot';
import type { Exclusions, Scope } from '../model/governance-config';
import type { OrgView } from '../snapshot/org-index';
import { matchAccount } from './match-account';
import { matchAccountTag } from './match-account-tag';
import type { MatchResult } from './match-result';
import { matchOu } from './match-ou';
import { matchRoot } from './match-root';

/**
 * Whether a rule with `scope` and `exclude` applies to `account`, and why. Dispatches to the pure
 * matcher of the scope type; exclusions always win.
 *
 * @example
 * ```ts
 * const { match, reason } = matchScope(account, rule.scope, rule.exclude, OrgIndex.of(snapshot));
 * ```
 */
export function matchScope(
  account: Account,
  scope: Scope,
  exclude: Exclusions,
  org: OrgView,
): MatchResult {
  switch (scope.type) {
    case 'root':
      return matchRoot(account, scope, exclude, org);
    case 'ou':
      return matchOu(account, scope, exclude, org);
    case 'account':
      return matchAccount(account, scope, exclude, org);
    case 'accountTag':
      return matchAccountTag(account, scope, exclude, org);
  }
}

import type { Scope } from '../model/governance-config';
import { excludedBy } from './exclusions';
import { matched, notMatched, type ScopeMatcher } from './match-result';

/**
 * `account` scope: exactly one account id (exclusions still win).
 *
 * @example
 * ```ts
 * matchAccount(account, { type: 'account', id: account.id }, none, index); // { match: true, reason: 'account: 2222…' }
 * ```
 */
export const matchAccount: ScopeMatcher<Extract<Scope, { type: 'account' }>> = (
  account,
  scope,
  exclude,
  org,
) =>
  excludedBy(account, exclude, org) ??
  (account.id === scope.id
    ? matched(`account: ${scope.id}`)
    : notMatched(`account: not ${scope.id}`));

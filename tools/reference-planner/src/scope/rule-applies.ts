/**
 * Whether a rule's scope takes in an account: the four scope kinds, then the exclusions, which
 * win over every inclusion.
 */
import type { RefExclusions, RefScope } from '../model/config';
import type { RefAccount, RefSnapshot } from '../model/snapshot';
import { ouChain } from './ou-chain';

/** `true` when the scope includes the account (exclusions not considered). */
function included(scope: RefScope, account: RefAccount, chain: readonly string[]): boolean {
  if (scope.type === 'root') return true;
  if (scope.type === 'account') return account.id === scope.id;
  if (scope.type === 'ou') {
    // Directly in the OU; with includeDescendants, in any OU below it too.
    return scope.includeDescendants ? chain.includes(scope.id) : account.parentId === scope.id;
  }
  if (!Object.prototype.hasOwnProperty.call(account.tags, scope.key)) return false;
  return scope.value === undefined || account.tags[scope.key] === scope.value;
}

/** `true` when the account is excluded by id or sits in (or below) an excluded OU. */
function excluded(exclude: RefExclusions, account: RefAccount, chain: readonly string[]): boolean {
  return exclude.accounts.includes(account.id) || exclude.ous.some((ou) => chain.includes(ou));
}

/**
 * Whether a rule with this scope and these exclusions applies to the account.
 *
 * @example
 * ```ts
 * ruleApplies(snapshot, account, { type: 'ou', id: 'ou-prod', includeDescendants: true }, { accounts: [], ous: [] });
 * ```
 */
export function ruleApplies(
  snapshot: RefSnapshot,
  account: RefAccount,
  scope: RefScope,
  exclude: RefExclusions,
): boolean {
  const chain = ouChain(snapshot, account.parentId);
  return included(scope, account, chain) && !excluded(exclude, account, chain);
}

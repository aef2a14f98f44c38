import type { Scope } from '../model/governance-config';
import { unlessExcluded } from './exclusions';
import { matched, notMatched } from './match-result';

/**
 * `ou` scope: accounts whose parent is the OU, or — with `includeDescendants` (the default) —
 * any OU below it; unless excluded.
 *
 * @example
 * ```ts
 * matchOu(prodAccount, { type: 'ou', id: 'ou-ab12-11111111', includeDescendants: true }, none, index);
 * // { match: true, reason: 'ou: below ou-ab12-11111111' }
 * ```
 */
export const matchOu = unlessExcluded<Extract<Scope, { type: 'ou' }>>((account, scope, org) => {
  if (account.parentId === scope.id) return matched(`ou: in ${scope.id}`);
  if (!scope.includeDescendants) return notMatched(`ou: not directly in ${scope.id}`);
  return org.ancestorsOf(account.parentId).includes(scope.id)
    ? matched(`ou: below ${scope.id}`)
    : notMatched(`ou: not in ${scope.id} or below`);
});

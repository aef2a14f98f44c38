import type { Scope } from '../model/governance-config';
import { unlessExcluded } from './exclusions';
import { matched, notMatched } from './match-result';

/**
 * `account` scope: exactly one account id (exclusions still win).
 *
 * @example
 * ```ts
 * matchAccount(account, { type: 'account', id: account.id }, none, index); // { match: true, reason: 'account: 2222…' }
 * ```
 */
export const matchAccount = unlessExcluded<Extract<Scope, { type: 'account' }>>((account, scope) =>
  account.id === scope.id
    ? matched(`account: ${scope.id}`)
    : notMatched(`account: not ${scope.id}`),
);

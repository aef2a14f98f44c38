import type { Scope } from '../model/governance-config';
import { unlessExcluded } from './exclusions';
import { matched, notMatched } from './match-result';

/**
 * `accountTag` scope: accounts whose tag `key` has `value` — or any value when `value` is omitted;
 * unless excluded. Keys and values compare exactly (AWS tags are case-sensitive).
 *
 * @example
 * ```ts
 * matchAccountTag(account, { type: 'accountTag', key: 'env', value: 'prod' }, none, index);
 * // { match: true, reason: 'accountTag: env=prod' }
 * ```
 */
export const matchAccountTag = unlessExcluded<Extract<Scope, { type: 'accountTag' }>>(
  (account, scope) => {
    if (!Object.hasOwn(account.tags, scope.key))
      return notMatched(`accountTag: no tag ${scope.key}`);
    const actual = account.tags[scope.key];
    if (scope.value === undefined) return matched(`accountTag: ${scope.key} (any value)`);
    return actual === scope.value
      ? matched(`accountTag: ${scope.key}=${scope.value}`)
      : notMatched(`accountTag: ${scope.key}=${String(actual)}, not ${scope.value}`);
  },
);

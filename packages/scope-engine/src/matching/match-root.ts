import type { Scope } from '../model/governance-config';
import { unlessExcluded } from './exclusions';
import { matched } from './match-result';

/**
 * `root` scope: every account of the organization, unless excluded.
 *
 * @example
 * ```ts
 * matchRoot(account, { type: 'root' }, { accounts: [], ous: [] }, index); // { match: true, reason: 'root: every account' }
 * ```
 */
export const matchRoot = unlessExcluded<Extract<Scope, { type: 'root' }>>(() =>
  matched('root: every account'),
);

import type { Scope } from '../model/governance-config';
import { excludedBy } from './exclusions';
import { matched, type ScopeMatcher } from './match-result';

/**
 * `root` scope: every account of the organization, unless excluded.
 *
 * @example
 * ```ts
 * matchRoot(account, { type: 'root' }, { accounts: [], ous: [] }, index); // { match: true, reason: 'root: every account' }
 * ```
 */
export const matchRoot: ScopeMatcher<Extract<Scope, { type: 'root' }>> = (
  account,
  _scope,
  exclude,
  org,
) => excludedBy(account, exclude, org) ?? matched('root: every account');

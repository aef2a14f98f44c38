import type { Account } from '../model/org-snapshot';
import type { Exclusions, Scope } from '../model/governance-config';
import type { OrgIndex } from '../snapshot/org-index';
import { matchScope } from './match-scope';

/**
 * Every account a rule with `scope` and `exclude` applies to, in snapshot order — the reverse of
 * {@link matchScope}, used to find the accounts a rule change affects.
 *
 * @example
 * ```ts
 * accountsInScope({ type: 'ou', id: 'ou-ab12-11111111', includeDescendants: true }, none, index).map((a) => a.id);
 * ```
 */
export function accountsInScope(scope: Scope, exclude: Exclusions, index: OrgIndex): Account[] {
  return candidates(scope, index).filter((a) => matchScope(a, scope, exclude, index).match);
}

function candidates(scope: Scope, index: OrgIndex): readonly Account[] {
  switch (scope.type) {
    case 'root':
      return index.snapshot.accounts;
    case 'account': {
      const account = index.account(scope.id);
      return account === undefined ? [] : [account];
    }
    case 'accountTag':
      return index.accountsWithTag(scope.key, scope.value);
    case 'ou': {
      const parents = scope.includeDescendants ? subtree(scope.id, index) : [scope.id];
      const accounts = parents.flatMap((id) => index.accountsUnder(id));
      const order = new Map(index.snapshot.accounts.map((a, i) => [a.id, i]));
      return accounts.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    }
  }
}

function subtree(ouId: string, index: OrgIndex): string[] {
  const ids = new Set<string>();
  const pending = [ouId];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (ids.has(id)) continue;
    ids.add(id);
    pending.push(...index.childOus(id).map((o) => o.id));
  }
  return [...ids];
}

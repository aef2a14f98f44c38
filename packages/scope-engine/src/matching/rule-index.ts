import type { Account, Exclusions, Scope } from '../model';
import type { OrgView } from '../snapshot/org-index';
import { matchScope } from './match-scope';

/** Anything with a scope and exclusions: SCP rules and assignment rules. */
export interface ScopedRule {
  readonly scope: Scope;
  readonly exclude: Exclusions;
}

/** A rule that applies to an account, with the reason. */
export interface RuleMatch<R extends ScopedRule> {
  readonly rule: R;
  readonly reason: string;
}

/**
 * Rules bucketed by scope (root; OU id; account id; tag key) so that finding the rules of one
 * account looks at a handful of buckets instead of every rule. Candidates are then confirmed with
 * the pure {@link matchScope}, so the index can only make planning faster, never different.
 *
 * @example
 * ```ts
 * const rules = RuleIndex.of(config.scpRules);
 * rules.matching(account, OrgIndex.of(snapshot)).map((m) => m.rule.id);
 * ```
 */
export class RuleIndex<R extends ScopedRule> {
  private readonly root: number[] = [];
  private readonly byOu = new Map<string, number[]>();
  private readonly byAccount = new Map<string, number[]>();
  private readonly byTagKey = new Map<string, number[]>();

  private constructor(private readonly rules: readonly R[]) {
    rules.forEach((rule, position) => {
      const scope = rule.scope;
      if (scope.type === 'root') this.root.push(position);
      else if (scope.type === 'ou') push(this.byOu, scope.id, position);
      else if (scope.type === 'account') push(this.byAccount, scope.id, position);
      else push(this.byTagKey, scope.key, position);
    });
  }

  /** Indexes `rules` (kept in their configuration order). */
  static of<R extends ScopedRule>(rules: readonly R[]): RuleIndex<R> {
    return new RuleIndex(rules);
  }

  /** Rules that might apply to `account` (a superset of the matches), in configuration order. */
  candidates(account: Account, org: OrgView): R[] {
    const positions = [...this.root];
    for (const ouId of org.ancestorsOf(account.parentId))
      positions.push(...(this.byOu.get(ouId) ?? []));
    positions.push(...(this.byAccount.get(account.id) ?? []));
    for (const key of Object.keys(account.tags)) positions.push(...(this.byTagKey.get(key) ?? []));
    positions.sort((a, b) => a - b);
    return positions.map((p) => this.rules[p] as R);
  }

  /** Rules that apply to `account`, in configuration order, each with the reason. */
  matching(account: Account, org: OrgView): RuleMatch<R>[] {
    const matches: RuleMatch<R>[] = [];
    for (const rule of this.candidates(account, org)) {
      const result = matchScope(account, rule.scope, rule.exclude, org);
      if (result.match) matches.push({ rule, reason: result.reason });
    }
    return matches;
  }
}

function push(map: Map<string, number[]>, key: string, position: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [position]);
  else list.push(position);
}

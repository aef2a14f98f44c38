import type { Account } from '../model/org-snapshot';
import type { Exclusions, Scope } from '../model/governance-config';
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

const NONE: readonly never[] = [];

/**
 * Rules bucketed by scope (root; OU id; account id; tag key and value) so that finding the rules
 * of one account looks at a handful of buckets instead of every rule. Candidates are then
 * confirmed with the pure {@link matchScope}, so the index can only make planning faster, never
 * different.
 *
 * @example
 * ```ts
 * const rules = RuleIndex.of(config.scpRules);
 * rules.matching(account, OrgIndex.of(snapshot)).map((m) => m.rule.id);
 * ```
 */
export class RuleIndex<R extends ScopedRule> {
  private readonly root: R[] = [];
  private readonly byOu = new Map<string, R[]>();
  private readonly byAccount = new Map<string, R[]>();
  /** `accountTag` rules with a value, by key then value. */
  private readonly byTagValue = new Map<string, Map<string, R[]>>();
  /** `accountTag` rules without a value (any value of the key), by key. */
  private readonly byTagKey = new Map<string, R[]>();
  private readonly position: Map<R, number>;

  private constructor(rules: readonly R[]) {
    this.position = new Map(rules.map((rule, i) => [rule, i]));
    for (const rule of rules) {
      const scope = rule.scope;
      if (scope.type === 'root') this.root.push(rule);
      else if (scope.type === 'ou') push(this.byOu, scope.id, rule);
      else if (scope.type === 'account') push(this.byAccount, scope.id, rule);
      else if (scope.value === undefined) push(this.byTagKey, scope.key, rule);
      else {
        let byValue = this.byTagValue.get(scope.key);
        if (byValue === undefined) this.byTagValue.set(scope.key, (byValue = new Map()));
        push(byValue, scope.value, rule);
      }
    }
  }

  /** Indexes `rules` (kept in their configuration order). */
  static of<R extends ScopedRule>(rules: readonly R[]): RuleIndex<R> {
    return new RuleIndex(rules);
  }

  /** Rules that might apply to `account` (a superset of the matches), in configuration order. */
  candidates(account: Account, org: OrgView): R[] {
    const found: R[] = [];
    this.eachCandidate(account, org, (rule) => found.push(rule));
    return found.sort((a, b) => (this.position.get(a) ?? 0) - (this.position.get(b) ?? 0));
  }

  /**
   * Rules that apply to `account`, bucket by bucket (root, OUs from the parent up, account, tags):
   * the planner's hot path — no sorting, no reasons. Every output of the planner is sorted, so
   * this order never shows.
   */
  matchingRules(account: Account, org: OrgView): R[] {
    const found: R[] = [];
    this.eachCandidate(account, org, (rule) => {
      if (matchScope(account, rule.scope, rule.exclude, org).match) found.push(rule);
    });
    return found;
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

  private eachCandidate(account: Account, org: OrgView, visit: (rule: R) => void): void {
    for (const rule of this.root) visit(rule);
    for (const ouId of org.ancestorsOf(account.parentId))
      for (const rule of this.byOu.get(ouId) ?? NONE) visit(rule);
    for (const rule of this.byAccount.get(account.id) ?? NONE) visit(rule);
    for (const key in account.tags) {
      if (!Object.hasOwn(account.tags, key)) continue;
      for (const rule of this.byTagKey.get(key) ?? NONE) visit(rule);
      const value = account.tags[key];
      if (value !== undefined)
        for (const rule of this.byTagValue.get(key)?.get(value) ?? NONE) visit(rule);
    }
  }
}

function push<R>(map: Map<string, R[]>, key: string, rule: R): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [rule]);
  else list.push(rule);
}

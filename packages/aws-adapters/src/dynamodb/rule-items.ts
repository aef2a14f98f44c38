/**
 * The rules table's rule items: one per rule of a generation (`pk=GEN#<generation>`), with the
 * `byScope` index keys.
 */
import type { AssignmentRule, ScpRule } from '@org/scope-engine';
import type { StoredRule } from '@org/governance-runtime';
import type { StoredItem } from './document-calls';
import { scopeKeyOf } from './scope-keys';

/**
 * Drops `undefined` fields (DynamoDB cannot store them) by a JSON round trip.
 *
 * @example
 * ```ts
 * plain({ a: 1, b: undefined }); // { a: 1 }
 * ```
 */
export const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * The item storing `stored` in `generation`.
 *
 * @example
 * ```ts
 * ruleItem('g1', { kind: 'scp', rule }); // { pk: 'GEN#g1', sk: 'RULE#scp#baseline', scopeKey: 'g1#root', … }
 * ```
 */
export function ruleItem(generation: string, stored: StoredRule): StoredItem {
  const { partition, valuePrefix } = scopeKeyOf(stored.rule.scope);
  const ruleKey = `${stored.kind}#${stored.rule.id}`;
  return {
    pk: `GEN#${generation}`,
    sk: `RULE#${ruleKey}`,
    scopeKey: `${generation}#${partition}`,
    scopeSort: `${valuePrefix}#${ruleKey}`,
    kind: stored.kind,
    rule: plain(stored.rule),
  };
}

/**
 * The rule a rule item stores.
 *
 * @example
 * ```ts
 * toStoredRule(item); // { kind: 'scp', rule: { id: 'baseline', … } }
 * ```
 */
export function toStoredRule(item: StoredItem): StoredRule {
  return item['kind'] === 'scp'
    ? { kind: 'scp', rule: item['rule'] as ScpRule }
    : { kind: 'assignment', rule: item['rule'] as AssignmentRule };
}

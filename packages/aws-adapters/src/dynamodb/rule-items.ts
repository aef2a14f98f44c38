/**
 * The rules table's rule items: one per rule of a generation (`pk=GEN#<generation>`), with the
 * `byScope` index keys.
 */
import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { RULES_SCOPE_INDEX } from '@org/contracts';
import {
  type AssignmentRule,
  type GovernanceConfig,
  type PolicyRule,
  type ScpRule,
  validateGovernanceConfig,
} from '@org/scope-engine';
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
 * Validates what was read back with the same checks as `orgctl validate` (a table item may have
 * been written by hand or by an older version): a bad webhook URL, target or rule is refused
 * with a `ConfigError` naming the table and every problem, so it is never executed.
 *
 * @example
 * ```ts
 * revalidate(config, 'the rules table governance-rules (version 3)');
 * ```
 */
export function revalidate(config: GovernanceConfig | object, source: string): void {
  validateGovernanceConfig(plain(config), source);
}

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

/** The configuration list a stored rule of each kind belongs to. */
export const SECTION_OF_KIND: Readonly<Record<StoredRule['kind'], string>> = {
  scp: 'scpRules',
  policy: 'policyRules',
  assignment: 'assignmentRules',
};

/**
 * The rule a rule item stores.
 *
 * @example
 * ```ts
 * toStoredRule(item); // { kind: 'scp', rule: { id: 'baseline', … } }
 * ```
 */
export function toStoredRule(item: StoredItem): StoredRule {
  if (item['kind'] === 'scp') return { kind: 'scp', rule: item['rule'] as ScpRule };
  if (item['kind'] === 'policy') return { kind: 'policy', rule: item['rule'] as PolicyRule };
  return { kind: 'assignment', rule: item['rule'] as AssignmentRule };
}

/**
 * The `byScope` index queries of one lookup in `generation`: the whole partition, or one query
 * per sort prefix.
 *
 * @example
 * ```ts
 * scopeIndexQueries('g1', { partition: 'root', sortPrefixes: [] });
 * // [{ IndexName: 'byScope', KeyConditionExpression: 'scopeKey = :key', … }]
 * ```
 */
export function scopeIndexQueries(
  generation: string,
  query: { readonly partition: string; readonly sortPrefixes: readonly string[] },
): Omit<QueryCommandInput, 'TableName'>[] {
  const scopeKey = `${generation}#${query.partition}`;
  return query.sortPrefixes.length === 0
    ? [
        {
          IndexName: RULES_SCOPE_INDEX.indexName,
          KeyConditionExpression: 'scopeKey = :key',
          ExpressionAttributeValues: { ':key': scopeKey },
        },
      ]
    : query.sortPrefixes.map((prefix) => ({
        IndexName: RULES_SCOPE_INDEX.indexName,
        KeyConditionExpression: 'scopeKey = :key AND begins_with(scopeSort, :prefix)',
        ExpressionAttributeValues: { ':key': scopeKey, ':prefix': prefix },
      }));
}

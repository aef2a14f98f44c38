import type { GovernanceConfig } from '@org/scope-engine';

/**
 * The sorted, distinct tag keys of the `accountTag` rules among `ruleIds` — what the
 * provisioned state records so a tag change can find the items a tag justified.
 *
 * @example
 * ```ts
 * tagKeysOf(config, ['auditors-readonly']); // ['env']
 * ```
 */
export function tagKeysOf(config: GovernanceConfig, ruleIds: readonly string[]): string[] {
  const wanted = new Set(ruleIds);
  const keys = new Set<string>();
  for (const rule of [
    ...config.scpRules,
    ...(config.policyRules ?? []),
    ...config.assignmentRules,
  ]) {
    if (wanted.has(rule.id) && rule.scope.type === 'accountTag') {
      keys.add(rule.scope.key);
    }
  }
  return [...keys].sort();
}

import type { GovernanceConfig } from '../model/governance-config';
import { compareStrings } from '../plan/compare';

/** JSON with object keys sorted, so equal data gives equal text whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => compareStrings(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const byId = <T extends { readonly id: string }>(rules: readonly T[]): T[] =>
  [...rules].sort((a, b) => compareStrings(a.id, b.id));

/**
 * Whether two configurations mean the same: the same settings, notifications and rules (rules
 * compared by id, whatever their order in the file; a stored configuration comes back sorted).
 *
 * @example
 * ```ts
 * if (stored && sameGovernanceConfig(stored.config, config)) console.log('already applied');
 * ```
 */
export function sameGovernanceConfig(a: GovernanceConfig, b: GovernanceConfig): boolean {
  const normal = (c: GovernanceConfig) =>
    canonical({
      settings: c.settings,
      scpRules: byId(c.scpRules),
      policyRules: byId(c.policyRules ?? []),
      assignmentRules: byId(c.assignmentRules),
      notifications: byId(c.notifications),
    });
  return normal(a) === normal(b);
}

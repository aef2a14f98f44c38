/**
 * A governance config rewritten to the ids moto generated, so it means the same thing against
 * the seeded organization as the original did against the org.yaml.
 */
import type { Exclusions, GovernanceConfig, PrincipalRef, Scope, ScpRule } from '@org/scope-engine';
import type { IdMap } from './id-map';

function scope(value: Scope, ids: IdMap): Scope {
  return value.type === 'ou' || value.type === 'account'
    ? { ...value, id: ids.translate(value.id) }
    : value;
}

function exclusions(value: Exclusions, ids: IdMap): Exclusions {
  return {
    accounts: value.accounts.map((id) => ids.translate(id)),
    ous: value.ous.map((id) => ids.translate(id)),
  };
}

function principal(value: PrincipalRef, ids: IdMap): PrincipalRef {
  return 'id' in value ? { type: value.type, id: ids.translate(value.id) } : value;
}

/**
 * Translates account/OU ids in scopes and exclusions (of SCP, policy and assignment rules), policy ids, permission set ARNs and
 * principal ids (names stay as they are).
 *
 * @example
 * ```ts
 * const motoConfig = translateConfig(config, seeded.ids);
 * ```
 */
export function translateConfig(config: GovernanceConfig, ids: IdMap): GovernanceConfig {
  const policyRule = <R extends ScpRule>(rule: R): R => ({
    ...rule,
    policies: rule.policies.map((policy) => ids.translate(policy)),
    scope: scope(rule.scope, ids),
    exclude: exclusions(rule.exclude, ids),
  });
  return {
    ...config,
    scpRules: config.scpRules.map(policyRule),
    ...(config.policyRules === undefined
      ? {}
      : { policyRules: config.policyRules.map(policyRule) }),
    assignmentRules: config.assignmentRules.map((rule) => ({
      ...rule,
      permissionSet: ids.translate(rule.permissionSet),
      principal: principal(rule.principal, ids),
      scope: scope(rule.scope, ids),
      exclude: exclusions(rule.exclude, ids),
    })),
  };
}

import type { GovernanceConfig, PolicyRule } from '../model/governance-config';
import type { OrgSnapshot } from '../model/org-snapshot';
import type { PathSegment } from '../problems/problem';
import { Planner } from '../plan/planner';
import { SERVICE_CONTROL_POLICY, policyTypeLabel } from '../policy/policy-types';
import { quoteText } from '../problems/quote-text';

/** A policy rule with where it sits in the configuration. */
interface LocatedRule {
  readonly rule: PolicyRule;
  readonly path: PathSegment[];
}

/** Every policy rule of `config` with its path: `scpRules[i]` (as SCP rules), then `policyRules[i]`. */
export function locatedPolicyRules(config: GovernanceConfig): LocatedRule[] {
  return [
    ...config.scpRules.map((rule, i) => ({
      rule: { ...rule, type: SERVICE_CONTROL_POLICY },
      path: ['scpRules', i] as PathSegment[],
    })),
    ...(config.policyRules ?? []).map((rule, i) => ({
      rule,
      path: ['policyRules', i] as PathSegment[],
    })),
  ];
}

/**
 * Warnings about policy rules that plans over `snapshot` would skip as a whole or in part: the
 * rule's policy type is not enabled on the root (`PolicyTypeNotEnabled`), or attaching its
 * policies would exceed the type's slots on some account (`ScpLimitExceeded` /
 * `PolicyLimitExceeded`, as the reconcile plan counts them).
 *
 * @param warn - Receives each warning's path and message.
 */
export function policyRuleWarnings(
  config: GovernanceConfig,
  snapshot: OrgSnapshot,
  warn: (path: PathSegment[], message: string) => void,
): void {
  const located = locatedPolicyRules(config);
  if (located.length === 0) return;
  const enabled = new Set(snapshot.enabledPolicyTypes ?? [SERVICE_CONTROL_POLICY]);
  for (const { rule, path } of located) {
    if (!enabled.has(rule.type)) {
      warn(
        path[0] === 'policyRules' ? [...path, 'type'] : path,
        `policy type ${quoteText(rule.type)} is not enabled on the root (plans skip the rule)`,
      );
    }
  }
  const overLimit = new Map<string, { accounts: string[]; detail: string }>();
  for (const skip of Planner.create(snapshot, config).planReconcile().skipped) {
    if (skip.reason !== 'ScpLimitExceeded' && skip.reason !== 'PolicyLimitExceeded') continue;
    if (skip.ruleId === null) continue;
    const entry = overLimit.get(skip.ruleId);
    if (entry === undefined)
      overLimit.set(skip.ruleId, { accounts: [skip.accountId], detail: skip.detail });
    else if (!entry.accounts.includes(skip.accountId)) entry.accounts.push(skip.accountId);
  }
  for (const { rule, path } of located) {
    const entry = overLimit.get(rule.id);
    if (entry === undefined) continue;
    const count = entry.accounts.length;
    const label = policyTypeLabel(rule.type);
    warn(
      path,
      `would exceed the ${label} slots per target on ${count} account${count === 1 ? '' : 's'} (first: ${entry.accounts[0] ?? ''}, ${entry.detail})`,
    );
  }
}

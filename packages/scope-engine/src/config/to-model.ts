import type {
  AssignmentRule,
  GovernanceConfig,
  Notification,
  PrincipalRef,
} from '../model/governance-config';
import type { GovernanceConfigDocument } from './config-schema';

type AssignmentRuleDocument = GovernanceConfigDocument['assignmentRules'][number];

/** Maps the validated document to the engine's {@link GovernanceConfig} (principal refs become a union). */
export function toGovernanceConfig(doc: GovernanceConfigDocument): GovernanceConfig {
  return {
    settings: doc.settings,
    scpRules: doc.scpRules,
    // Only when given: a configuration without policy rules reads as it did before they existed.
    ...(doc.policyRules.length === 0 ? {} : { policyRules: doc.policyRules }),
    assignmentRules: doc.assignmentRules.map(toAssignmentRule),
    notifications: doc.notifications.map((n): Notification => ({
      id: n.id,
      on: n.on,
      target: n.target,
    })),
  };
}

function toAssignmentRule(rule: AssignmentRuleDocument): AssignmentRule {
  const { type, name, id } = rule.principal;
  // The schema guarantees exactly one of name/id.
  const principal: PrincipalRef = name !== undefined ? { type, name } : { type, id: id ?? '' };
  return { ...rule, principal };
}

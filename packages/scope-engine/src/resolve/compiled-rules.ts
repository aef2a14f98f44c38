import type {
  AssignmentRule,
  Exclusions,
  GovernanceConfig,
  Scope,
  ScpRule,
} from '../model/governance-config';
import type { PrincipalType } from '../model/org-snapshot';
import type { SkipReason } from '../model/plan';
import { describePrincipalRef, type References } from './references';

/** A name a rule uses that the snapshot does not contain. */
export interface Unresolved {
  readonly reason: Extract<
    SkipReason,
    'PolicyNotFound' | 'PermissionSetNotFound' | 'PrincipalNotFound'
  >;
  readonly detail: string;
}

/** An SCP rule with its policy names resolved to ids. */
export interface CompiledScpRule {
  readonly id: string;
  readonly scope: Scope;
  readonly exclude: Exclusions;
  /** Ids of the policies that exist, in rule order. */
  readonly policyIds: readonly string[];
  readonly unresolved: readonly Unresolved[];
}

/** An assignment rule with its permission set and principal resolved. */
export interface CompiledAssignmentRule {
  readonly id: string;
  readonly scope: Scope;
  readonly exclude: Exclusions;
  /** What to assign, or `null` when a name does not resolve (see `unresolved`). */
  readonly assignment: {
    readonly permissionSetArn: string;
    readonly principalType: PrincipalType;
    readonly principalId: string;
  } | null;
  readonly unresolved: readonly Unresolved[];
}

/** Every rule of a configuration, resolved against one snapshot. */
export interface CompiledRules {
  readonly scpRules: readonly CompiledScpRule[];
  readonly assignmentRules: readonly CompiledAssignmentRule[];
}

/** Resolves every rule's names once, so planning each account is only lookups. */
export function compileRules(config: GovernanceConfig, refs: References): CompiledRules {
  return {
    scpRules: config.scpRules.map((rule) => compileScpRule(rule, refs)),
    assignmentRules: config.assignmentRules.map((rule) => compileAssignmentRule(rule, refs)),
  };
}

function compileScpRule(rule: ScpRule, refs: References): CompiledScpRule {
  const policyIds: string[] = [];
  const unresolved: Unresolved[] = [];
  for (const ref of rule.policies) {
    const id = refs.policyId(ref);
    if (id === undefined) unresolved.push({ reason: 'PolicyNotFound', detail: `policy ${ref}` });
    else if (!policyIds.includes(id)) policyIds.push(id);
  }
  return { id: rule.id, scope: rule.scope, exclude: rule.exclude, policyIds, unresolved };
}

function compileAssignmentRule(rule: AssignmentRule, refs: References): CompiledAssignmentRule {
  const permissionSetArn = refs.permissionSetArn(rule.permissionSet);
  const principalId = refs.principalId(rule.principal);
  const unresolved: Unresolved[] = [];
  if (permissionSetArn === undefined) {
    unresolved.push({
      reason: 'PermissionSetNotFound',
      detail: `permission set ${rule.permissionSet}`,
    });
  }
  if (principalId === undefined) {
    unresolved.push({ reason: 'PrincipalNotFound', detail: describePrincipalRef(rule.principal) });
  }
  const assignment =
    permissionSetArn === undefined || principalId === undefined
      ? null
      : { permissionSetArn, principalType: rule.principal.type, principalId };
  return { id: rule.id, scope: rule.scope, exclude: rule.exclude, assignment, unresolved };
}

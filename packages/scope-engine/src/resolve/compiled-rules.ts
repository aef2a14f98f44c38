import type {
  AssignmentRule,
  Exclusions,
  GovernanceConfig,
  Scope,
  ScpRule,
} from '../model/governance-config';
import type { PrincipalType } from '../model/org-snapshot';
import type { SkipReason } from '../model/plan';
import { assignmentKey } from '../desired/assignment-key';
import { compareStrings } from '../plan/compare';
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
  /** `assignmentKey(assignment)`, computed once (empty when `assignment` is `null`). */
  readonly assignmentKey: string;
  /**
   * Position of `assignmentKey` among every distinct assignment of the configuration, in plan order
   * (permission set ARN, principal type, principal id): sorting by it is sorting by the key.
   */
  readonly assignmentRank: number;
  readonly unresolved: readonly Unresolved[];
}

/** Every rule of a configuration, resolved against one snapshot. */
export interface CompiledRules {
  readonly scpRules: readonly CompiledScpRule[];
  readonly assignmentRules: readonly CompiledAssignmentRule[];
  /** The `assignmentRank` of an assignment some rule asks for, else `undefined` (no string built). */
  rankOf(permissionSetArn: string, principalType: string, principalId: string): number | undefined;
}

/** Resolves every rule's names once, so planning each account is only lookups. */
export function compileRules(config: GovernanceConfig, refs: References): CompiledRules {
  const assignmentRules = config.assignmentRules.map((rule) => compileAssignmentRule(rule, refs));
  const keys = [...new Set(assignmentRules.map((r) => r.assignmentKey))].sort(compareStrings);
  const rank = new Map(keys.map((key, i) => [key, i]));
  const ranked = assignmentRules.map((r) => ({
    ...r,
    assignmentRank: rank.get(r.assignmentKey) ?? -1,
  }));
  // permission set ARN → principal type → principal id → rank
  const byTarget = new Map<string, Map<string, Map<string, number>>>();
  for (const r of ranked) {
    if (r.assignment === null) continue;
    const { permissionSetArn, principalType, principalId } = r.assignment;
    let types = byTarget.get(permissionSetArn);
    if (types === undefined) byTarget.set(permissionSetArn, (types = new Map()));
    let ids = types.get(principalType);
    if (ids === undefined) types.set(principalType, (ids = new Map()));
    ids.set(principalId, r.assignmentRank);
  }
  return {
    scpRules: config.scpRules.map((rule) => compileScpRule(rule, refs)),
    assignmentRules: ranked,
    rankOf: (arn, type, id) => byTarget.get(arn)?.get(type)?.get(id),
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

function compileAssignmentRule(
  rule: AssignmentRule,
  refs: References,
): Omit<CompiledAssignmentRule, 'assignmentRank'> {
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
  const key = assignment === null ? '' : assignmentKey(assignment);
  return {
    id: rule.id,
    scope: rule.scope,
    exclude: rule.exclude,
    assignment,
    assignmentKey: key,
    unresolved,
  };
}

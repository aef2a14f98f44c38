import type {
  AssignmentRule,
  Exclusions,
  GovernanceConfig,
  PolicyRule,
  Scope,
} from '../model/governance-config';
import { SERVICE_CONTROL_POLICY, type PolicyType } from '../policy/policy-types';
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

/** A policy rule (an `scpRules` entry or a `policyRules` entry) with its policy names resolved to ids. */
export interface CompiledPolicyRule {
  readonly id: string;
  readonly type: PolicyType;
  readonly scope: Scope;
  readonly exclude: Exclusions;
  /** Ids of the policies of `type` that exist, in rule order. */
  readonly policyIds: readonly string[];
  readonly unresolved: readonly Unresolved[];
}

/** An SCP rule, compiled: a {@link CompiledPolicyRule} of type SERVICE_CONTROL_POLICY. */
export type CompiledScpRule = CompiledPolicyRule;

/** Every policy rule of a configuration: the `scpRules` (as SCP rules), then the `policyRules`. */
export function allPolicyRules(config: GovernanceConfig): PolicyRule[] {
  return [
    ...config.scpRules.map((rule) => ({ ...rule, type: SERVICE_CONTROL_POLICY })),
    ...(config.policyRules ?? []),
  ];
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
  /** Every policy rule, whatever its type (`scpRules` first, then `policyRules`). */
  readonly policyRules: readonly CompiledPolicyRule[];
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
    policyRules: allPolicyRules(config).map((rule) => compilePolicyRule(rule, refs)),
    assignmentRules: ranked,
    rankOf: (arn, type, id) => byTarget.get(arn)?.get(type)?.get(id),
  };
}

function compilePolicyRule(rule: PolicyRule, refs: References): CompiledPolicyRule {
  const policyIds: string[] = [];
  const unresolved: Unresolved[] = [];
  const { id, type, scope, exclude } = rule;
  for (const ref of rule.policies) {
    const policyId = refs.policyId(ref, type);
    if (policyId === undefined) {
      const other = refs.otherPolicyType(ref, type);
      const detail =
        other === undefined ? `policy ${ref}` : `policy ${ref} is a ${other}, not a ${type}`;
      unresolved.push({ reason: 'PolicyNotFound', detail });
    } else if (!policyIds.includes(policyId)) policyIds.push(policyId);
  }
  return { id, type, scope, exclude, policyIds, unresolved };
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

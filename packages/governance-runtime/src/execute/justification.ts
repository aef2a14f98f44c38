/**
 * Whether any current rule could have asked for a queued operation at all — the trust check of
 * the operations worker, before it asks whether the rules *still* ask for it.
 */
import type { GovernanceConfig, Operation, OrgSnapshot } from '@org/scope-engine';
import type { ProvisionedAccountState } from '../ports/provisioned-state-repository';
import type { StoredGovernanceConfig } from '../ports/rules-repository';
import type { RulesSource } from '../rules/rules-source';

/** The default policies of their types: attached everywhere by AWS, never detached. */
const DEFAULT_POLICY_NAMES: ReadonlySet<string> = new Set(['FullAWSAccess', 'RCPFullAWSAccess']);
const DEFAULT_POLICY_IDS: ReadonlySet<string> = new Set(['p-FullAWSAccess', 'p-RCPFullAWSAccess']);

/** A rule that attaches policies (the v1 `scpRules` and the typed `policyRules`). */
interface PolicyRuleShape {
  readonly id: string;
  readonly policies: readonly string[];
}

/** Every policy rule of a configuration, whichever form it was written in. */
function policyRulesOf(config: GovernanceConfig): readonly PolicyRuleShape[] {
  const typed = (config as { readonly policyRules?: readonly PolicyRuleShape[] }).policyRules;
  return [...config.scpRules, ...(typed ?? [])];
}

/** `true` when `policyId` is a type's default policy (`FullAWSAccess`, `RCPFullAWSAccess`). */
export function isDefaultPolicy(
  policyId: string,
  snapshot: Pick<OrgSnapshot, 'policies'>,
): boolean {
  const name = snapshot.policies.find((policy) => policy.id === policyId)?.name;
  return DEFAULT_POLICY_IDS.has(policyId) || (name !== undefined && DEFAULT_POLICY_NAMES.has(name));
}

/**
 * Whether a rule's reference (a policy name or id, a permission set name or ARN, a principal
 * name or id) names `target`: `true`, `false`, or `undefined` when the current view cannot
 * resolve it (then only the plan can tell).
 */
function namesTarget(
  ref: string,
  target: { readonly id: string; readonly name: string | undefined },
  known: (ref: string) => boolean,
): boolean | undefined {
  if (ref === target.id || (target.name !== undefined && ref === target.name)) return true;
  return known(ref) ? false : undefined;
}

/** Whether one of the cited policy rules attaches `policyId` (or might: unresolvable names). */
function citesPolicyRule(
  ruleIds: readonly string[],
  policyId: string,
  config: GovernanceConfig,
  snapshot: Pick<OrgSnapshot, 'policies'>,
): boolean {
  const target = { id: policyId, name: snapshot.policies.find((p) => p.id === policyId)?.name };
  const known = (ref: string) => snapshot.policies.some((p) => p.id === ref || p.name === ref);
  return policyRulesOf(config).some(
    (rule) =>
      ruleIds.includes(rule.id) &&
      rule.policies.some((ref) => namesTarget(ref, target, known) !== false),
  );
}

/** Whether one of the cited assignment rules grants this permission set to this principal. */
function citesAssignmentRule(
  operation: Extract<Operation, { readonly type: 'createAssignment' }>,
  config: GovernanceConfig,
  snapshot: Pick<OrgSnapshot, 'permissionSets' | 'principals'>,
): boolean {
  const set = {
    id: operation.permissionSetArn,
    name: snapshot.permissionSets.find((ps) => ps.arn === operation.permissionSetArn)?.name,
  };
  const knownSet = (ref: string) =>
    snapshot.permissionSets.some((ps) => ps.arn === ref || ps.name === ref);
  const ofType = snapshot.principals.filter((p) => p.type === operation.principalType);
  const principal = {
    id: operation.principalId,
    name: ofType.find((p) => p.id === operation.principalId)?.name,
  };
  const knownPrincipal = (ref: string) => ofType.some((p) => p.id === ref || p.name === ref);
  return config.assignmentRules.some((rule) => {
    if (!operation.ruleIds.includes(rule.id)) return false;
    if (rule.principal.type !== operation.principalType) return false;
    const ref = 'name' in rule.principal ? rule.principal.name : rule.principal.id;
    return (
      namesTarget(rule.permissionSet, set, knownSet) !== false &&
      namesTarget(ref, principal, knownPrincipal) !== false
    );
  });
}

/** Why a removal of an item the product does not manage is refused. */
export const UNMANAGED_REFUSAL =
  'the item is not managed by the product (no provisioned-state record): never removed';

/**
 * Whether the account's provisioned state records the operation's item (the product made it).
 *
 * @example
 * ```ts
 * isManaged(deleteOperation, await provisionedState.getAccount(accountId)); // false → refused
 * ```
 */
export function isManaged(operation: Operation, provisioned: ProvisionedAccountState): boolean {
  return provisioned.items.some((item) =>
    item.kind === 'attachment'
      ? 'policyId' in operation && item.policyId === operation.policyId
      : 'permissionSetArn' in operation &&
        item.permissionSetArn === operation.permissionSetArn &&
        item.principalType === operation.principalType &&
        item.principalId === operation.principalId,
  );
}

/**
 * Why no current rule could have asked for `operation` (`NotJustified`), or `null` when one
 * could. The check is structural and independent of the account's parent and tags:
 *
 * - a detach of a type's default policy (`FullAWSAccess`, `RCPFullAWSAccess`): never;
 * - an attach or create: at least one of its `ruleIds` must name a current rule of that kind
 *   that asks for exactly this policy, or this permission set for this principal (a reference
 *   the current view cannot resolve counts as possible: the plan decides).
 *
 * Removals are checked by the caller with {@link isManaged} against the live item: removing an
 * existing item the product does not manage is refused ({@link UNMANAGED_REFUSAL}); one that is
 * already gone is merely stale. An operation that passes may still be `Stale`: justified when
 * planned, not desired now.
 *
 * @example
 * ```ts
 * notJustified(forgedDetachOfFullAwsAccess, config, snapshot);
 * // 'p-FullAWSAccess is a default policy (FullAWSAccess, RCPFullAWSAccess): never detached'
 * ```
 */
export function notJustified(
  operation: Operation,
  config: GovernanceConfig,
  snapshot: Pick<OrgSnapshot, 'policies' | 'permissionSets' | 'principals'>,
): string | null {
  if (operation.type === 'notify') return 'the operations worker never sends notifications';
  if (isRemoval(operation)) {
    return 'policyId' in operation && isDefaultPolicy(operation.policyId, snapshot)
      ? `${operation.policyId} is a default policy (FullAWSAccess, RCPFullAWSAccess): never detached`
      : null;
  }
  const cited = `rule ids [${operation.ruleIds.join(', ')}]`;
  if ('policyId' in operation) {
    return citesPolicyRule(operation.ruleIds, operation.policyId, config, snapshot)
      ? null
      : `${cited} name no current policy rule attaching ${operation.policyId}`;
  }
  return citesAssignmentRule(operation, config, snapshot)
    ? null
    : `${cited} name no current assignment rule granting ${operation.permissionSetArn} to ${operation.principalType} ${operation.principalId}`;
}

/**
 * The newest configuration superseded within the retention period that justifies an attach or
 * create the current rules refuse (the structural check of {@link notJustified}, applied to that
 * configuration), or `undefined`. Such an operation was planned under rules changed since (a
 * rule removed, or a change reverted, while it waited in the queue): stale, not forged. The
 * superseded configurations are read only here, after the current rules refused; removals and
 * notifications are never justified this way (nothing is read for them).
 *
 * @example
 * ```ts
 * const superseded = await supersededJustification(attach, rules, snapshot);
 * // { version: 2, … }: 'justified by rules version 2, superseded'
 * ```
 */
export async function supersededJustification(
  operation: Operation,
  rules: RulesSource,
  snapshot: Pick<OrgSnapshot, 'policies' | 'permissionSets' | 'principals'>,
): Promise<StoredGovernanceConfig | undefined> {
  if (operation.type === 'notify' || isRemoval(operation)) return undefined;
  const recent = (await rules.recent?.()) ?? [];
  return recent.find((stored) => notJustified(operation, stored.config, snapshot) === null);
}

/** A detach (of a policy of any type) or a delete (of an assignment). */
export type RemovalOperation = Extract<
  Operation,
  { readonly type: 'deleteAssignment' | `detach${string}` }
>;

/** `true` for a detach or a delete. */
export function isRemoval(operation: Operation): operation is RemovalOperation {
  return operation.type.startsWith('detach') || operation.type === 'deleteAssignment';
}

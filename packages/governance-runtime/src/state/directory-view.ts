import type { GovernanceConfig, PermissionSet, Principal } from '@org/scope-engine';
import type { DirectoryPort } from '../ports/directory-port';
import type { IdentityCenterPort } from '../ports/identity-center-port';
import type { ProvisionedAccountState } from '../ports/provisioned-state-repository';

/** The Identity Center side of a snapshot: permission sets and the principals rules name. */
export interface DirectoryView {
  readonly permissionSets: readonly PermissionSet[];
  readonly principals: readonly Principal[];
}

/**
 * Reads every permission set and resolves the principal of every assignment rule (by name or
 * id). A principal that does not exist is left out, so the plan skips its rules with
 * `PrincipalNotFound` (seed 001: "principal does not exist → log and complete").
 *
 * @example
 * ```ts
 * const view = await readDirectoryView(config, identityCenter, directory);
 * ```
 */
export async function readDirectoryView(
  config: GovernanceConfig,
  identityCenter: Pick<IdentityCenterPort, 'listPermissionSets'>,
  directory: DirectoryPort,
): Promise<DirectoryView> {
  const refs = new Map(
    config.assignmentRules.map((rule) => [JSON.stringify(rule.principal), rule.principal]),
  );
  const [permissionSets, found] = await Promise.all([
    identityCenter.listPermissionSets(),
    Promise.all(
      [...refs.values()].map((ref) =>
        'name' in ref
          ? directory.findPrincipal(ref.type, ref.name)
          : directory.getPrincipal(ref.type, ref.id),
      ),
    ),
  ]);
  const principals = new Map<string, Principal>();
  for (const principal of found) {
    if (principal !== null) principals.set(`${principal.type}#${principal.id}`, principal);
  }
  return {
    permissionSets,
    principals: [...principals.values()].sort((a, b) =>
      a.type === b.type ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.type < b.type ? -1 : 1,
    ),
  };
}

/**
 * The permission sets whose assignments matter on an account: those the rules name (by name or
 * ARN) and those of items the product provisioned there. Assignments of other permission sets
 * are never created nor deleted, so they need not be read.
 *
 * @example
 * ```ts
 * const arns = relevantPermissionSetArns(config, view.permissionSets, provisioned);
 * const live = await identityCenter.listAssignments(accountId, arns);
 * ```
 */
export function relevantPermissionSetArns(
  config: GovernanceConfig,
  permissionSets: readonly PermissionSet[],
  provisioned: ProvisionedAccountState,
): string[] {
  const arns = new Set<string>();
  for (const rule of config.assignmentRules) {
    const set = permissionSets.find(
      (ps) => ps.arn === rule.permissionSet || ps.name === rule.permissionSet,
    );
    if (set) arns.add(set.arn);
  }
  for (const item of provisioned.items) {
    if (item.kind === 'assignment') arns.add(item.permissionSetArn);
  }
  return [...arns].sort();
}

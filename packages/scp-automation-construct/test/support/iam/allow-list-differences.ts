/**
 * Compares the roles of synthesized stacks with the reviewed allow-list, both ways: anything a
 * role may do that the list does not grant, anything the list grants that no longer exists.
 */
import { expectedRoles, type IamAllowList, type IamFeature } from './iam-allow-list';
import type { ObservedIam, ObservedRole } from './observed-roles';

/** How a difference names a role. */
function describeRole(role: ObservedRole): string {
  return role.key === undefined
    ? `${role.stackName}/${role.logicalId}`
    : `${role.key} in ${role.stackName}`;
}

/** Differences of one observed role with its allow-listed actions. */
function roleDifferences(
  role: ObservedRole,
  expected: Readonly<Record<string, string[]>>,
  allowList: IamAllowList,
): string[] {
  const who = describeRole(role);
  const allowed = role.key === undefined ? undefined : expected[role.key];
  const differences = role.managedPolicies
    .filter((policy) => !(policy in allowList.managedPolicies))
    .map((policy) => `${who} has managed policy ${policy}, which the allow-list does not allow`);
  differences.push(
    ...role.notActions.map((action) => `${who} may perform everything but ${action} (NotAction)`),
  );
  if (allowed === undefined) {
    const what =
      role.key === undefined
        ? 'a role the allow-list does not review'
        : 'a role the allow-list does not expect in this deployment';
    return [
      ...differences,
      `${who} is ${what}; it may perform ${role.actions.join(', ') || 'nothing'}`,
    ];
  }
  return [
    ...differences,
    ...role.actions
      .filter((action) => !allowed.includes(action))
      .map((action) => `${who} may perform ${action}, which the allow-list does not grant`),
    ...allowed
      .filter((action) => !role.actions.includes(action))
      .map(
        (action) =>
          `${who} no longer performs ${action}, which the allow-list grants (remove the entry or restore the permission)`,
      ),
  ];
}

/**
 * Every difference between the observed roles and the allow-list for a deployment with these
 * features, sorted; empty when they agree exactly.
 *
 * @example
 * ```ts
 * allowListDifferences(observeIam(stacks, principals), loadIamAllowList(), new Set(['directIdentityCenter']));
 * // [] — or e.g. ['operations-worker in Governance may perform organizations:*, which the allow-list does not grant']
 * ```
 */
export function allowListDifferences(
  observed: ObservedIam,
  allowList: IamAllowList,
  features: ReadonlySet<IamFeature>,
): string[] {
  const expected = expectedRoles(allowList, features);
  const seen = new Set(
    observed.roles.flatMap((role) => (role.key === undefined ? [] : [role.key])),
  );
  return [
    ...observed.unattributed,
    ...observed.roles.flatMap((role) => roleDifferences(role, expected, allowList)),
    ...Object.keys(expected)
      .filter((key) => !seen.has(key))
      .map((key) => `${key} is in the allow-list for this deployment but no stack creates it`),
  ].sort();
}

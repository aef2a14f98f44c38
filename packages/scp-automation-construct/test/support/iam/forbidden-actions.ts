/**
 * Actions no role of the product may ever hold, whatever the allow-list says. IAM action names
 * are case-insensitive, so every rule compares lower case.
 */

/** One forbidden-action rule: a name for reports and the test. */
export interface ForbiddenActionRule {
  readonly name: string;
  readonly matches: (lowerCaseAction: string) => boolean;
}

/**
 * The forbidden actions.
 *
 * @example
 * ```ts
 * FORBIDDEN_ACTIONS.filter((rule) => rule.matches('iam:*')).map((rule) => rule.name);
 * ```
 */
export const FORBIDDEN_ACTIONS: readonly ForbiddenActionRule[] = [
  { name: 'the "*" action', matches: (action) => action === '*' },
  { name: 'a service-wide wildcard (service:*)', matches: (action) => /^[^:]+:\*$/.test(action) },
  { name: 'any wildcard in an action', matches: (action) => action.includes('*') },
  { name: 'iam:*', matches: (action) => action === 'iam:*' },
  { name: 'organizations:Delete*', matches: (action) => action.startsWith('organizations:delete') },
  {
    // Create/Delete/LeaveOrganization; DescribeOrganization is the one read the functions need.
    name: 'organizations:*Organization other than DescribeOrganization',
    matches: (action) =>
      /^organizations:.*organization$/.test(action) &&
      action !== 'organizations:describeorganization',
  },
  {
    name: 'sso:DeletePermissionSet / sso:DeleteInstance',
    matches: (action) => action === 'sso:deletepermissionset' || action === 'sso:deleteinstance',
  },
];

/**
 * `<action>: <rule name>` for every action a forbidden rule matches (sorted).
 *
 * @example
 * ```ts
 * forbiddenActionFindings(['organizations:*']);
 * // ['organizations:*: a service-wide wildcard (service:*)', 'organizations:*: any wildcard in an action']
 * ```
 */
export function forbiddenActionFindings(actions: readonly string[]): string[] {
  return [...new Set(actions)]
    .flatMap((action) =>
      FORBIDDEN_ACTIONS.filter((rule) => rule.matches(action.toLowerCase())).map(
        (rule) => `${action}: ${rule.name}`,
      ),
    )
    .sort();
}

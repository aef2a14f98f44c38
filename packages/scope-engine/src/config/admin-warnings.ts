import type { AssignmentRule, GovernanceConfig } from '../model/governance-config';
import type { Account, OrgSnapshot } from '../model/org-snapshot';
import { matchScope } from '../matching/match-scope';
import { formatPath } from '../problems/format-path';
import type { PathSegment, Problem } from '../problems/problem';
import { bareText, quoteText } from '../problems/quote-text';
import { sortProblems } from '../problems/sort-problems';
import { describePrincipalRef, References } from '../resolve/references';
import { OrgIndex } from '../snapshot/org-index';

/**
 * Permission set names treated as administrator-like — every name that contains `admin` (so
 * `AdministratorAccess`, `OrgAdmin`), `PowerUser` / `Power-User`, `FullAccess` / `Full-Access`, or
 * `BreakGlass` / `Break-Glass`, in any case.
 */
export const ADMIN_LIKE_PERMISSION_SET = /admin|power-?user|full-?access|break-?glass/i;

/**
 * Whether a permission set name looks administrator-like ({@link ADMIN_LIKE_PERMISSION_SET}).
 *
 * @example
 * ```ts
 * isAdminLikePermissionSet('AdministratorAccess'); // true
 * isAdminLikePermissionSet('ReadOnly'); // false
 * ```
 */
export function isAdminLikePermissionSet(name: string): boolean {
  return ADMIN_LIKE_PERMISSION_SET.test(name);
}

/** The name of a rule's permission set: as given, or resolved from its ARN through `refs`. */
function permissionSetName(rule: AssignmentRule, refs: References | undefined): string {
  if (!rule.permissionSet.startsWith('arn:') || refs === undefined) return rule.permissionSet;
  const arn = refs.permissionSetArn(rule.permissionSet);
  return (arn === undefined ? undefined : refs.permissionSetName(arn)) ?? rule.permissionSet;
}

/** The management account as planning sees it (an ACTIVE account under the root when not listed). */
function managementAccountOf(snapshot: OrgSnapshot): Account {
  const listed = snapshot.accounts.find((a) => a.id === snapshot.managementAccountId);
  return (
    listed ?? {
      id: snapshot.managementAccountId,
      name: 'management',
      parentId: snapshot.rootId,
      status: 'ACTIVE',
      tags: {},
    }
  );
}

/**
 * Warnings about assignment rules that grant an administrator-like permission set
 * ({@link ADMIN_LIKE_PERMISSION_SET}) in a way someone else can steer: to a principal named by
 * name (a group or user created later with that name receives it; naming it by id avoids that),
 * through an `accountTag` scope (whoever may tag accounts decides where it applies, unless
 * `settings.trustedTagPrincipals` limits whose tags count), or to the management account
 * (`includeManagementAccount` with a scope that reaches it: with `snapshot`, the scope matches the
 * management account now; without, a `root` scope that excludes no account). A permission set
 * given by ARN is recognised only through `snapshot`.
 *
 * @param lineOf - Optional: maps a path to its line in the configuration document.
 * @example
 * ```ts
 * for (const w of adminGrantWarnings(config)) console.warn(formatProblem(w));
 * // assignmentRules[1].principal: grants administrator-like "AdministratorAccess" to GROUP BreakGlass by name: …
 * ```
 */
export function adminGrantWarnings(
  config: GovernanceConfig,
  snapshot?: OrgSnapshot,
  lineOf?: (path: readonly PathSegment[]) => number | undefined,
): Problem[] {
  const refs = snapshot === undefined ? undefined : References.of(snapshot);
  const index = snapshot === undefined ? undefined : OrgIndex.of(snapshot);
  const management = snapshot === undefined ? undefined : managementAccountOf(snapshot);
  const trustOn = (config.settings.trustedTagPrincipals ?? []).length > 0;
  const warnings: Problem[] = [];
  const warn = (path: PathSegment[], message: string) => {
    const line = lineOf?.(path);
    const at = formatPath(path);
    warnings.push(line === undefined ? { path: at, message } : { path: at, message, line });
  };
  config.assignmentRules.forEach((rule, i) => {
    const name = permissionSetName(rule, refs);
    if (!isAdminLikePermissionSet(name)) return;
    const grants = `grants administrator-like ${quoteText(name)}`;
    if ('name' in rule.principal) {
      warn(
        ['assignmentRules', i, 'principal'],
        `${grants} to ${bareText(describePrincipalRef(rule.principal))} by name: a principal created later with that name receives it (give its id)`,
      );
    }
    const scope = rule.scope;
    if (scope.type === 'accountTag') {
      const tag =
        scope.value === undefined ? `${scope.key} (any value)` : `${scope.key}=${scope.value}`;
      warn(
        ['assignmentRules', i, 'scope'],
        trustOn
          ? `${grants} through tag ${bareText(tag)}: only values set by settings.trustedTagPrincipals count`
          : `${grants} through tag ${bareText(tag)}: whoever may tag accounts decides where (list settings.trustedTagPrincipals)`,
      );
    }
    if (!config.settings.includeManagementAccount) return;
    const reaches =
      management === undefined || index === undefined
        ? scope.type === 'root' && rule.exclude.accounts.length === 0
        : matchScope(management, scope, rule.exclude, index).match;
    if (reaches) {
      warn(
        ['assignmentRules', i, 'scope'],
        `${grants} to the management account (includeManagementAccount is true; exclude it by id)`,
      );
    }
  });
  return sortProblems(warnings);
}

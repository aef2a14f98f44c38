import type { Exclusions, GovernanceConfig, Scope } from '../model/governance-config';
import type { OrgSnapshot } from '../model/org-snapshot';
import { formatPath } from '../problems/format-path';
import type { PathSegment, Problem } from '../problems/problem';
import { describePrincipalRef, References } from '../resolve/references';
import { OrgIndex } from '../snapshot/org-index';
import { bareText, quoteText } from '../problems/quote-text';
import { sortProblems } from '../problems/sort-problems';
import { locatedPolicyRules, policyRuleWarnings } from './policy-warnings';

/**
 * Names and ids in `config` that do not resolve against `snapshot`: policies (of the rule's type),
 * permission sets, principals, and the OUs and accounts scopes and exclusions name; policy rules
 * whose type is not enabled on the root or that would exceed a type's slots on some account.
 * These are **warnings**, not
 * errors: the thing may not exist yet; plans skip it (`PolicyNotFound`, …) and the next
 * reconcile provisions it once it exists.
 *
 * @param lineOf - Optional: maps a path to its line in the configuration document.
 * @example
 * ```ts
 * for (const w of resolveConfig(config, snapshot)) console.warn(formatProblem(w));
 * // scpRules[0].policies[0]: policy "DenyLeaveOrg" not found in the organization
 * ```
 */
export function resolveConfig(
  config: GovernanceConfig,
  snapshot: OrgSnapshot,
  lineOf?: (path: readonly PathSegment[]) => number | undefined,
): Problem[] {
  const refs = References.of(snapshot);
  const index = OrgIndex.of(snapshot);
  const warnings: Problem[] = [];
  const warn = (path: PathSegment[], message: string) => {
    const line = lineOf?.(path);
    warnings.push(
      line === undefined
        ? { path: formatPath(path), message }
        : { path: formatPath(path), message, line },
    );
  };
  const checkScope = (section: string, i: number, scope: Scope, exclude: Exclusions) => {
    if (scope.type === 'ou' && index.ou(scope.id) === undefined) {
      warn([section, i, 'scope', 'id'], `OU ${quoteText(scope.id)} not found in the organization`);
    }
    if (scope.type === 'account' && index.account(scope.id) === undefined) {
      warn(
        [section, i, 'scope', 'id'],
        `account ${quoteText(scope.id)} not found in the organization`,
      );
    }
    exclude.ous.forEach((id, j) => {
      if (index.ou(id) === undefined)
        warn(
          [section, i, 'exclude', 'ous', j],
          `OU ${quoteText(id)} not found in the organization`,
        );
    });
    exclude.accounts.forEach((id, j) => {
      if (index.account(id) === undefined) {
        warn(
          [section, i, 'exclude', 'accounts', j],
          `account ${quoteText(id)} not found in the organization`,
        );
      }
    });
  };

  for (const { rule, path } of locatedPolicyRules(config)) {
    const [section, i] = path as [string, number];
    rule.policies.forEach((ref, j) => {
      if (refs.policyId(ref, rule.type) !== undefined) return;
      const other = refs.otherPolicyType(ref, rule.type);
      warn(
        [section, i, 'policies', j],
        other === undefined
          ? `policy ${quoteText(ref)} not found in the organization`
          : `policy ${quoteText(ref)} is a ${other}, not a ${rule.type}`,
      );
    });
    checkScope(section, i, rule.scope, rule.exclude);
  }
  config.assignmentRules.forEach((rule, i) => {
    if (refs.permissionSetArn(rule.permissionSet) === undefined) {
      warn(
        ['assignmentRules', i, 'permissionSet'],
        `permission set ${quoteText(rule.permissionSet)} not found in Identity Center`,
      );
    }
    if (refs.principalId(rule.principal) === undefined) {
      warn(
        ['assignmentRules', i, 'principal'],
        `principal ${bareText(describePrincipalRef(rule.principal))} not found in Identity Center`,
      );
    }
    checkScope('assignmentRules', i, rule.scope, rule.exclude);
  });
  policyRuleWarnings(config, snapshot, warn);
  return sortProblems(warnings);
}

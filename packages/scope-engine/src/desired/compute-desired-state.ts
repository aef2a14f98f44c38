import type { GovernanceConfig } from '../model/governance-config';
import type { Account } from '../model/org-snapshot';
import type { Skip } from '../model/plan';
import type { RuleIndex } from '../matching/rule-index';
import type { CompiledAssignmentRule, CompiledScpRule } from '../resolve/compiled-rules';
import type { OrgView } from '../snapshot/org-index';
import { compareStrings } from '../plan/compare';
import {
  assignmentKey,
  type AccountDesiredState,
  type DesiredAssignment,
  type DesiredAttachment,
} from './desired-state';

/** What {@link desiredStateOf} needs: the rules (indexed) and the organization tree. */
export interface DesiredStateContext {
  readonly config: GovernanceConfig;
  readonly managementAccountId: string;
  readonly org: OrgView;
  readonly scpRules: RuleIndex<CompiledScpRule>;
  readonly assignmentRules: RuleIndex<CompiledAssignmentRule>;
}

/**
 * The desired state of one account: every matching rule's SCPs and assignments, each with the
 * sorted rule ids behind it. Inactive accounts get nothing and one `AccountNotActive` skip; the
 * management account gets no SCPs, and assignments only with `includeManagementAccount`.
 */
export function desiredStateOf(account: Account, ctx: DesiredStateContext): AccountDesiredState {
  const accountId = account.id;
  if (account.status !== 'ACTIVE') {
    const skip: Skip = {
      accountId,
      ruleId: null,
      reason: 'AccountNotActive',
      detail: `status ${account.status}`,
    };
    return { accountId, active: false, attachments: [], assignments: [], skipped: [skip] };
  }
  const isManagement = accountId === ctx.managementAccountId;
  const skipped: Skip[] = [];
  const attachments = new Map<string, string[]>();
  for (const { rule } of ctx.scpRules.matching(account, ctx.org)) {
    if (isManagement) {
      skipped.push({
        accountId,
        ruleId: rule.id,
        reason: 'ManagementAccount',
        detail: 'SCPs never target the management account',
      });
      continue;
    }
    for (const u of rule.unresolved) skipped.push({ accountId, ruleId: rule.id, ...u });
    for (const policyId of rule.policyIds) addRule(attachments, policyId, rule.id);
  }

  const assignments = new Map<
    string,
    { target: NonNullable<CompiledAssignmentRule['assignment']>; ruleIds: string[] }
  >();
  const includeManagement = ctx.config.settings.includeManagementAccount;
  for (const { rule } of ctx.assignmentRules.matching(account, ctx.org)) {
    if (isManagement && !includeManagement) {
      skipped.push({
        accountId,
        ruleId: rule.id,
        reason: 'ManagementAccount',
        detail: 'includeManagementAccount is false',
      });
      continue;
    }
    for (const u of rule.unresolved) skipped.push({ accountId, ruleId: rule.id, ...u });
    if (rule.assignment === null) continue;
    const key = assignmentKey(rule.assignment);
    const entry = assignments.get(key);
    if (entry === undefined) assignments.set(key, { target: rule.assignment, ruleIds: [rule.id] });
    else entry.ruleIds.push(rule.id);
  }

  return {
    accountId,
    active: true,
    attachments: [...attachments]
      .map(([policyId, ruleIds]): DesiredAttachment => ({
        policyId,
        ruleIds: sortedUnique(ruleIds),
      }))
      .sort((a, b) => compareStrings(a.policyId, b.policyId)),
    assignments: [...assignments.entries()]
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([, { target, ruleIds }]): DesiredAssignment => ({
        ...target,
        ruleIds: sortedUnique(ruleIds),
      })),
    skipped,
  };
}

function addRule(map: Map<string, string[]>, key: string, ruleId: string): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [ruleId]);
  else list.push(ruleId);
}

function sortedUnique(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort(compareStrings);
}

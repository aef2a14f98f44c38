import type { GovernanceConfig } from '../model/governance-config';
import type { Account } from '../model/org-snapshot';
import type { Skip } from '../model/plan';
import type { RuleIndex } from '../matching/rule-index';
import type {
  CompiledAssignmentRule,
  CompiledPolicyRule,
  CompiledRules,
} from '../resolve/compiled-rules';
import { SERVICE_CONTROL_POLICY, type PolicyType } from '../policy/policy-types';
import type { OrgView } from '../snapshot/org-index';
import type { TagTrust } from '../trust/tag-trust';
import { compareStrings } from '../plan/compare';
import type { AccountDesiredState, DesiredAssignment, DesiredAttachment } from './desired-state';

/** What {@link desiredStateOf} needs: the rules (indexed) and the organization tree. */
export interface DesiredStateContext {
  readonly config: GovernanceConfig;
  readonly managementAccountId: string;
  readonly org: OrgView;
  /** Every policy rule (`scpRules` and `policyRules`), whatever its type. */
  readonly policyRules: RuleIndex<CompiledPolicyRule>;
  /** Policy types enabled on the root: rules of another type are skipped (`PolicyTypeNotEnabled`). */
  readonly enabledPolicyTypes: ReadonlySet<PolicyType>;
  readonly assignmentRules: RuleIndex<CompiledAssignmentRule>;
  /** See {@link CompiledRules.rankOf}. */
  readonly assignmentRankOf: CompiledRules['rankOf'];
  /**
   * Tag trust (`settings.trustedTagPrincipals` and the tag ledger); absent or `null`: every tagger
   * is trusted. An `accountTag` rule whose tag value is not trusted is skipped (`UntrustedTag`).
   */
  readonly tagTrust?: TagTrust | null;
}

/** A desired state with the rank of each desired assignment (same order), for the diff. */
export interface KeyedDesiredState {
  readonly state: AccountDesiredState;
  /** `assignmentRank` of each desired assignment, in order. */
  readonly assignmentRanks: readonly number[];
}

interface AssignmentEntry {
  readonly rule: CompiledAssignmentRule;
  readonly ruleIds: string[];
}

/** The skip of rule `ruleId` because `accountId` is the management account. */
function managementSkip(accountId: string, ruleId: string, detail: string): Skip {
  return { accountId, ruleId, reason: 'ManagementAccount', detail };
}

/** Adds to `skipped` one skip of `accountId` per name `rule` could not resolve. */
function skipUnresolved(
  skipped: Skip[],
  accountId: string,
  rule: CompiledPolicyRule | CompiledAssignmentRule,
): void {
  for (const u of rule.unresolved)
    skipped.push({ accountId, ruleId: rule.id, reason: u.reason, detail: u.detail });
}

/** The `UntrustedTag` skip of an `accountTag` rule whose tag value on `account` is not trusted. */
function untrustedTag(
  account: Account,
  rule: CompiledPolicyRule | CompiledAssignmentRule,
  trust: TagTrust | null | undefined,
): Skip | undefined {
  if (!trust || rule.scope.type !== 'accountTag') return undefined;
  const key = rule.scope.key;
  return trust.untrustedSkip(account.id, rule.id, key, account.tags[key] ?? '');
}

/** Why the management account gets no policy of `type`. */
function managementPolicyDetail(type: PolicyType): string {
  return type === SERVICE_CONTROL_POLICY
    ? 'SCPs never target the management account'
    : `${type} policies never target the management account`;
}

/**
 * The desired state of one account: every matching rule's policies (of every type) and
 * assignments, each with the sorted rule ids behind it. Inactive accounts get nothing and one
 * `AccountNotActive` skip; the management account gets no policies, and assignments only with
 * `includeManagementAccount`; an `accountTag` rule whose tag value is not trusted (tag trust on,
 * see {@link DesiredStateContext.tagTrust}) is skipped (`UntrustedTag`); a rule whose policy type is not enabled on the root is skipped
 * (`PolicyTypeNotEnabled`); the product leaves what it has alone (`managesPolicies` /
 * `managesAssignments` false: no removals either).
 */
export function desiredStateOf(account: Account, ctx: DesiredStateContext): AccountDesiredState {
  return keyedDesiredStateOf(account, ctx).state;
}

/** {@link desiredStateOf}, plus the assignment ranks the diff needs (computed once per rule). */
export function keyedDesiredStateOf(account: Account, ctx: DesiredStateContext): KeyedDesiredState {
  const accountId = account.id;
  if (account.status !== 'ACTIVE') {
    const skip: Skip = {
      accountId,
      ruleId: null,
      reason: 'AccountNotActive',
      detail: `status ${account.status}`,
    };
    return {
      state: {
        accountId,
        active: false,
        managesPolicies: false,
        managesAssignments: false,
        attachments: [],
        assignments: [],
        skipped: [skip],
      },
      assignmentRanks: [],
    };
  }
  const isManagement = accountId === ctx.managementAccountId;
  const skipped: Skip[] = [];
  const attachments = new Map<string, { policyType: PolicyType; ruleIds: string[] }>();
  for (const rule of ctx.policyRules.matchingRules(account, ctx.org)) {
    const untrusted = untrustedTag(account, rule, ctx.tagTrust);
    if (untrusted !== undefined) {
      skipped.push(untrusted);
      continue;
    }
    if (isManagement) {
      skipped.push(managementSkip(accountId, rule.id, managementPolicyDetail(rule.type)));
      continue;
    }
    if (!ctx.enabledPolicyTypes.has(rule.type)) {
      const detail = `${rule.type} is not enabled on the root`;
      skipped.push({ accountId, ruleId: rule.id, reason: 'PolicyTypeNotEnabled', detail });
      continue;
    }
    skipUnresolved(skipped, accountId, rule);
    for (const policyId of rule.policyIds) {
      const entry = attachments.get(policyId);
      if (entry === undefined)
        attachments.set(policyId, { policyType: rule.type, ruleIds: [rule.id] });
      else entry.ruleIds.push(rule.id);
    }
  }

  // Keyed by rank: an integer per distinct assignment of the configuration (cheaper than the string).
  const assignments = new Map<number, AssignmentEntry>();
  const includeManagement = ctx.config.settings.includeManagementAccount;
  for (const rule of ctx.assignmentRules.matchingRules(account, ctx.org)) {
    const untrusted = untrustedTag(account, rule, ctx.tagTrust);
    if (untrusted !== undefined) {
      skipped.push(untrusted);
      continue;
    }
    if (isManagement && !includeManagement) {
      skipped.push(managementSkip(accountId, rule.id, 'includeManagementAccount is false'));
      continue;
    }
    skipUnresolved(skipped, accountId, rule);
    if (rule.assignment === null) continue;
    const entry = assignments.get(rule.assignmentRank);
    if (entry === undefined) assignments.set(rule.assignmentRank, { rule, ruleIds: [rule.id] });
    else entry.ruleIds.push(rule.id);
  }

  const desiredAttachments: DesiredAttachment[] = [];
  for (const [policyId, { policyType, ruleIds }] of attachments)
    desiredAttachments.push({ policyId, policyType, ruleIds: sortedUnique(ruleIds) });
  desiredAttachments.sort((a, b) => compareStrings(a.policyId, b.policyId));

  // Rank order is (permission set ARN, principal type, principal id) order, precomputed per rule.
  const ranks = Int32Array.from(assignments.keys()).sort();
  const entries = Array.from(ranks, (rank) => assignments.get(rank) as AssignmentEntry);
  const desiredAssignments = entries.map((e): DesiredAssignment => {
    const target = e.rule.assignment as NonNullable<CompiledAssignmentRule['assignment']>;
    return {
      permissionSetArn: target.permissionSetArn,
      principalType: target.principalType,
      principalId: target.principalId,
      ruleIds: sortedUnique(e.ruleIds),
    };
  });
  return {
    state: {
      accountId,
      active: true,
      managesPolicies: !isManagement,
      managesAssignments: !isManagement || includeManagement,
      attachments: desiredAttachments,
      assignments: desiredAssignments,
      skipped,
    },
    assignmentRanks: Array.from(ranks),
  };
}

function sortedUnique(ids: string[]): string[] {
  if (ids.length === 1) return ids;
  return [...new Set(ids)].sort(compareStrings);
}

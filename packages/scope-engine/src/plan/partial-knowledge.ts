import { assignmentKey } from '../desired/assignment-key';
import type { Exclusions, Scope } from '../model/governance-config';
import type { Account } from '../model/org-snapshot';
import type { Operation, Skip } from '../model/plan';
import type { CompiledRules } from '../resolve/compiled-rules';
import type { AccountDiff } from './diff-account';

/**
 * What the snapshot does not know about an account an event names: its parent OU (the event
 * moved or vended it into an OU the snapshot lacks, or the account itself is unknown) and, for an
 * account the snapshot lacks, its tags.
 */
export interface UnknownPart {
  /**
   * The id of the OU the account is in that the snapshot lacks, or {@link UNKNOWN_PARENT} when
   * the account's parent is not known at all; `null` when the parent is known.
   */
  readonly parentId: string | null;
  /**
   * The tag keys whose values are known (the keys an event set or removed), or `null` when every
   * tag is known.
   */
  readonly knownTagKeys: readonly string[] | null;
}

/** The `parentId` of an account whose parent is not known at all (never an OU or root id). */
export const UNKNOWN_PARENT = 'unknown';

/** Whether a rule's match can be decided with what is known, and why not. */
type Decision = { readonly decidable: true } | { readonly decidable: false; readonly why: string };

const DECIDABLE: Decision = { decidable: true };

/** Why the rule's exclusions cannot be decided, or `null` when they can. */
function exclusionsUnknown(
  account: Account,
  exclude: Exclusions,
  part: UnknownPart,
): string | null {
  if (part.parentId === null || exclude.accounts.includes(account.id)) return null;
  if (exclude.ous.length === 0 || exclude.ous.includes(part.parentId)) return null;
  return `whether ${parentText(part)} is below an excluded OU`;
}

function parentText(part: UnknownPart): string {
  return part.parentId === UNKNOWN_PARENT
    ? `the OU of the account`
    : `OU ${part.parentId ?? ''} (not in the snapshot)`;
}

/** Whether a rule with `scope` and `exclude` can be matched against `account` knowing only `part`. */
function decide(account: Account, scope: Scope, exclude: Exclusions, part: UnknownPart): Decision {
  const excluded = exclusionsUnknown(account, exclude, part);
  if (excluded !== null) return { decidable: false, why: excluded };
  if (scope.type === 'ou' && part.parentId !== null && part.parentId !== scope.id) {
    return scope.includeDescendants
      ? { decidable: false, why: `whether ${parentText(part)} is below ${scope.id}` }
      : DECIDABLE;
  }
  if (scope.type === 'accountTag' && part.knownTagKeys !== null) {
    return part.knownTagKeys.includes(scope.key)
      ? DECIDABLE
      : { decidable: false, why: `the account's tag ${scope.key}` };
  }
  return DECIDABLE;
}

/**
 * An account's diff when part of it is unknown to the snapshot: the rules whose match depends on
 * the unknown part are skipped (`NotInSnapshot`, one skip each); their policies and assignments
 * are neither granted nor removed (a grant justified only by such rules is dropped, and so is a
 * removal of anything they could grant); everything the other rules decide is kept.
 *
 * @param diff - The account's diff computed as if the unknown part matched nothing.
 * @example
 * ```ts
 * withUnknownPart(planner.planAccount(account), account, { parentId: 'ou-ab12-99999999', knownTagKeys: null }, compiled);
 * ```
 */
export function withUnknownPart(
  diff: AccountDiff,
  account: Account,
  part: UnknownPart,
  rules: Pick<CompiledRules, 'policyRules' | 'assignmentRules'>,
): AccountDiff {
  const undecided = new Set<string>();
  const skipped: Skip[] = [];
  const policies = new Set<string>();
  const assignments = new Set<string>();
  const skipUndecided = (ruleId: string, decision: Decision): boolean => {
    if (decision.decidable) return false;
    undecided.add(ruleId);
    const detail = `the snapshot does not know ${decision.why} (refresh the snapshot)`;
    skipped.push({ accountId: account.id, ruleId, reason: 'NotInSnapshot', detail });
    return true;
  };
  for (const rule of rules.policyRules) {
    if (!skipUndecided(rule.id, decide(account, rule.scope, rule.exclude, part))) continue;
    for (const policyId of rule.policyIds) policies.add(policyId);
  }
  for (const rule of rules.assignmentRules) {
    if (!skipUndecided(rule.id, decide(account, rule.scope, rule.exclude, part))) continue;
    if (rule.assignment !== null) assignments.add(assignmentKey(rule.assignment));
  }
  if (undecided.size === 0) return diff;
  const operations = diff.operations.flatMap((op) =>
    keptOperation(op, undecided, policies, assignments),
  );
  const decidedSkips = diff.skipped.filter(
    (skip) => skip.ruleId === null || !undecided.has(skip.ruleId),
  );
  return { operations, skipped: [...decidedSkips, ...skipped] };
}

/** `op` as the decidable rules justify it: `[]` when only undecided rules are behind it. */
function keptOperation(
  op: Operation,
  undecided: ReadonlySet<string>,
  policies: ReadonlySet<string>,
  assignments: ReadonlySet<string>,
): Operation[] {
  switch (op.type) {
    case 'attachPolicy':
    case 'createAssignment': {
      const ruleIds = op.ruleIds.filter((id) => !undecided.has(id));
      return ruleIds.length === 0 ? [] : [{ ...op, ruleIds }];
    }
    case 'detachPolicy':
      return policies.has(op.policyId) ? [] : [op];
    case 'deleteAssignment':
      return assignments.has(assignmentKey(op)) ? [] : [op];
    default:
      return [op];
  }
}

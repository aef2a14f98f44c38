import { CHANGE_EVENT_TYPES, type ChangeEvent, type DomainEvent } from '@org/event-schemas';
import { accountsInScope } from '../matching/accounts-in-scope';
import type { AssignmentRule, GovernanceConfig } from '../model/governance-config';
import type { Account, OrgSnapshot } from '../model/org-snapshot';
import type { Operation, Plan, PlanEventRef, Skip } from '../model/plan';
import type { AccountDiff } from '../plan/diff-account';
import { UNKNOWN_PARENT, type UnknownPart } from '../plan/partial-knowledge';
import { compareOperations, compareSkips } from '../plan/sort-plan';
import type { References } from '../resolve/references';
import type { OrgIndex } from '../snapshot/org-index';
import { applyChange } from './apply-change';

/** What planning a change event needs of a planner built on the snapshot after the change. */
export interface ChangePlanner {
  readonly index: OrgIndex;
  readonly refs: References;
  planAccount(account: Account, unknown?: UnknownPart): AccountDiff;
}

/** Why an out-of-band change made by hand plans nothing: an item added by hand is never adopted. */
export const ADDED_OUT_OF_BAND = 'AddedOutOfBand';
/** Why a new principal or permission set plans nothing: no assignment rule names it. */
export const NO_RULE_WAITING = 'NoRuleWaiting';

function ignoredPlan(event: PlanEventRef, reason: string): Plan {
  return { event, operations: [], skipped: [], ignored: reason };
}

/** The assignment rules that name the new principal or permission set (by name or id). */
function waitingRules(
  event: Extract<ChangeEvent, { type: 'DirectoryPrincipalCreated' | 'PermissionSetCreated' }>,
  config: GovernanceConfig,
  refs: References,
): AssignmentRule[] {
  return config.assignmentRules.filter((rule) =>
    event.type === 'DirectoryPrincipalCreated'
      ? rule.principal.type === event.principalType &&
        refs.principalId(rule.principal) === event.principalId
      : refs.permissionSetArn(rule.permissionSet) === event.permissionSetArn,
  );
}

/**
 * The plan of a change event, against the snapshot with the change applied ({@link applyChange}):
 * - a managed policy detached or a managed assignment deleted by hand: the account's diff, which
 *   restores what the rules still ask for (an account the snapshot lacks is planned with what is
 *   known, the rules depending on the rest skipped `NotInSnapshot`);
 * - a policy attached or an assignment created by hand: nothing, ignored `AddedOutOfBand` (reported,
 *   never adopted);
 * - a new group, user or permission set: the diff of every account in scope of the assignment
 *   rules naming it (ignored `NoRuleWaiting` when none does).
 *
 * @param plannerOf - Builds a planner on a snapshot (the {@link Planner} of the one planning path).
 * @example
 * ```ts
 * planChangeEvent(event, snapshot, config, (s) => Planner.create(s, config));
 * ```
 */
export function planChangeEvent(
  event: ChangeEvent,
  snapshot: OrgSnapshot,
  config: GovernanceConfig,
  plannerOf: (snapshot: OrgSnapshot) => ChangePlanner,
): Plan {
  if (event.type === 'PolicyChangedOutOfBand' || event.type === 'AssignmentChangedOutOfBand') {
    const ref = { type: event.type, accountId: event.accountId };
    if (event.change === 'attached' || event.change === 'created')
      return ignoredPlan(ref, ADDED_OUT_OF_BAND);
    const planner = plannerOf(applyChange(snapshot, event));
    const known = planner.index.account(event.accountId);
    const diff = known
      ? planner.planAccount(known)
      : planner.planAccount(
          {
            id: event.accountId,
            name: event.accountId,
            parentId: UNKNOWN_PARENT,
            status: 'ACTIVE',
            tags: {},
          },
          { parentId: UNKNOWN_PARENT, knownTagKeys: [] },
        );
    return { event: ref, ...diff, ignored: null };
  }
  const ref = { type: event.type, accountId: null };
  const planner = plannerOf(applyChange(snapshot, event));
  const rules = waitingRules(event, config, planner.refs);
  if (rules.length === 0) return ignoredPlan(ref, NO_RULE_WAITING);
  const accounts = new Map<string, Account>();
  for (const rule of rules)
    for (const account of accountsInScope(rule.scope, rule.exclude, planner.index))
      accounts.set(account.id, account);
  const operations: Operation[] = [];
  const skipped: Skip[] = [];
  for (const account of accounts.values()) {
    const diff = planner.planAccount(account);
    operations.push(...diff.operations);
    skipped.push(...diff.skipped);
  }
  return {
    event: ref,
    operations: operations.sort(compareOperations),
    skipped: skipped.sort(compareSkips),
    ignored: null,
  };
}

/**
 * `true` for a change event (a change made by hand, a new directory object), `false` for a
 * domain event.
 *
 * @example
 * ```ts
 * if (isChangeEvent(event)) planChangeEvent(event, snapshot, config, plannerOf);
 * ```
 */
export function isChangeEvent(event: DomainEvent | ChangeEvent): event is ChangeEvent {
  return (CHANGE_EVENT_TYPES as readonly string[]).includes(event.type);
}

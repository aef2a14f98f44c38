import type { ChangeEvent, DomainEvent, GovernanceParseOutcome } from '@org/event-schemas';
import type { AccountDesiredState } from '../desired/desired-state';
import type { GovernanceConfig } from '../model/governance-config';
import type { OrgSnapshot } from '../model/org-snapshot';
import type { Plan } from '../model/plan';
import { compareStrings } from './compare';
import { Planner } from './planner';

/**
 * The plan for one domain event: apply the event, then diff the event's account, plus
 * the notifications listening to the event. For many events against one snapshot, create a
 * {@link Planner} once instead.
 *
 * @example
 * ```ts
 * const outcome = parseOrgEvent(raw);
 * if (outcome.kind === 'event') console.log(JSON.stringify(planForEvent(snapshot, config, outcome.event)));
 * ```
 */
export function planForEvent(
  snapshot: OrgSnapshot,
  config: GovernanceConfig,
  event: DomainEvent | ChangeEvent,
): Plan {
  return Planner.create(snapshot, config).planForEvent(event);
}

/**
 * The plan for a parser outcome: events are planned, ignored events give a plan with no
 * operations and `ignored` set (e.g. `"ApiCallFailed"`).
 */
export function planForParseOutcome(
  snapshot: OrgSnapshot,
  config: GovernanceConfig,
  outcome: Exclude<GovernanceParseOutcome, { kind: 'error' }>,
): Plan {
  return Planner.create(snapshot, config).planForOutcome(outcome);
}

/**
 * The reconcile plan: the difference between desired and current state for every
 * account of the snapshot, sorted by account id, type, target.
 *
 * @example
 * ```ts
 * const plan = planReconcile(parseOrgSnapshot(orgYaml), parseGovernanceConfig(governanceYaml));
 * console.log(plan.operations.length, 'operations');
 * ```
 */
export function planReconcile(snapshot: OrgSnapshot, config: GovernanceConfig): Plan {
  return Planner.create(snapshot, config).planReconcile();
}

/**
 * The desired state of every account (reference counted), in account-id order.
 *
 * @example
 * ```ts
 * for (const s of computeDesiredState(snapshot, config)) console.log(s.accountId, s.attachments);
 * ```
 */
export function computeDesiredState(
  snapshot: OrgSnapshot,
  config: GovernanceConfig,
): AccountDesiredState[] {
  const planner = Planner.create(snapshot, config);
  return [...snapshot.accounts]
    .sort((a, b) => compareStrings(a.id, b.id))
    .map((a) => planner.desiredState(a));
}

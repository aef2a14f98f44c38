import type { DomainEvent, ParseOutcome } from '@org/event-schemas';
import type { EventEffect } from '../events/event-effect';
import type { GovernanceConfig } from '../model/governance-config';
import type { Account } from '../model/org-snapshot';
import type { Plan, PlanEventRef } from '../model/plan';
import type { AccountDiff } from './diff-account';
import type { UnknownPart } from './partial-knowledge';
import { notifyOperations, type OuNames } from './notifications';
import { compareOperations } from './sort-plan';

/** What planning one event needs besides the event and what is known of its account. */
export interface EventPlanContext {
  /** The validated governance rules. */
  readonly config: GovernanceConfig;
  /** OU names for the `{ouName}` placeholder of notifications. */
  readonly ouNames: OuNames;
  /**
   * The SCP and assignment diff of an account (a {@link Planner}'s `planAccount`). Omitted when
   * only the notifications are planned (the vending notifier): the plan then holds `notify`
   * operations only.
   */
  readonly planAccount?: (account: Account, unknown?: UnknownPart) => AccountDiff;
}

/** A parser outcome that is not an error. */
type PlannableOutcome = Exclude<ParseOutcome, { kind: 'error' }>;

/** A plan with no operations and why (an ignore reason). */
function ignoredPlan(event: PlanEventRef, reason: string): Plan {
  return { event, operations: [], skipped: [], ignored: reason };
}

/**
 * The one planning function of an event, given what is known of its account after the event —
 * from the snapshot with the event applied ({@link eventEffect}: the CLI preview) or re-read now
 * ({@link rereadEffect}: the deployed processor and notifier). Ignored events keep their reason;
 * a removed account or a new OU plans nothing; an event about no account plans its notifications
 * (ignored when none listens); an account gets its SCP and assignment diff plus, when it is
 * ACTIVE, the notifications listening to the event, in plan order.
 *
 * @example
 * ```ts
 * const plan = planKnownEvent(event, eventEffect(event, lookup), { config, ouNames, planAccount });
 * ```
 */
export function planKnownEvent(
  event: DomainEvent,
  known: EventEffect,
  context: EventPlanContext,
): Plan {
  const ref: PlanEventRef = {
    type: event.type,
    accountId: 'accountId' in event ? event.accountId : null,
  };
  switch (known.kind) {
    case 'ignored':
      return ignoredPlan(ref, known.reason);
    case 'accountRemoved':
    case 'ouCreated':
      return { event: ref, operations: [], skipped: [], ignored: null };
    case 'none': {
      const notify = notifyOperations(event, undefined, context.config, context.ouNames);
      return notify.length === 0
        ? ignoredPlan(ref, event.type)
        : { event: ref, operations: notify, skipped: [], ignored: null };
    }
    case 'account': {
      const diff = context.planAccount?.(known.account, known.unknown) ?? {
        operations: [],
        skipped: [],
      };
      const notify =
        known.account.status === 'ACTIVE'
          ? notifyOperations(event, known.account, context.config, context.ouNames)
          : [];
      const operations = [...diff.operations, ...notify].sort(compareOperations);
      return { event: ref, operations, skipped: diff.skipped, ignored: null };
    }
  }
}

/**
 * The plan of an event the parser ignored: no operations, `ignored` set to the parser's reason.
 *
 * @example
 * ```ts
 * planIgnoredOutcome({ kind: 'ignored', reason: 'ApiCallFailed', eventId: 'e-1', eventName: 'MoveAccount', detail: '' });
 * // { event: { type: 'MoveAccount', accountId: null }, operations: [], skipped: [], ignored: 'ApiCallFailed' }
 * ```
 */
export function planIgnoredOutcome(outcome: Extract<PlannableOutcome, { kind: 'ignored' }>): Plan {
  return ignoredPlan({ type: outcome.eventName ?? 'unknown', accountId: null }, outcome.reason);
}

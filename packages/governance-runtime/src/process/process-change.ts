import {
  describeChange,
  displayText,
  type ChangeEvent,
  type GovernanceParseOutcome,
  type OutOfBandChange,
} from '@org/event-schemas';
import type { NotifyOperation, Plan } from '@org/scope-engine';
import type { FailureReporter } from '../failure-reporter';
import type { DirectoryViewStore } from '../state/directory-view-store';
import { auditPlan } from './audit-plan';
import { recordInView } from './record-in-view';
import { planChange, type ChangeReaders } from './plan-change';
import {
  processEvent,
  type ProcessEventDependencies,
  type ProcessEventResult,
  type StoredViewProcessEventDependencies,
} from './process-event';

/** A change made outside the product, as audited and alerted. */
export interface OutOfBandReport {
  /** `restored` when the plan puts back what a person removed; else `reported` (never adopted). */
  readonly action: 'restored' | 'reported';
  /** Who made the change: the caller's ARN (or principal id), from CloudTrail. */
  readonly actor: string;
  /** What changed, in one line. */
  readonly detail: string;
}

/** What processing one event did, with the out-of-band change it was, if any. */
export interface GovernanceEventResult extends ProcessEventResult {
  /** Set for a policy or assignment changed by someone else than the product. */
  readonly outOfBand: OutOfBandReport | null;
}

/** The ports {@link processGovernanceEvent} uses. */
export type GovernanceEventDependencies = (
  ProcessEventDependencies | StoredViewProcessEventDependencies
) &
  ChangeReaders & {
    /** Where out-of-band changes are alerted. @default not alerted (still audited and counted) */
    readonly outOfBandAlerts?: Pick<FailureReporter, 'report'>;
    /**
     * The stored directory view, where a new group, user or permission set is recorded (so the
     * worker justifies its assignments before the next full read). @default not recorded
     */
    readonly directoryViews?: Pick<DirectoryViewStore, 'load' | 'save'>;
  };

/** The longest actor an audit entry or alert shows, in code points. */
const MAX_ACTOR_LENGTH = 512;

function isOutOfBand(event: ChangeEvent): event is OutOfBandChange {
  return event.type === 'PolicyChangedOutOfBand' || event.type === 'AssignmentChangedOutOfBand';
}

/** The report of an out-of-band change: restored when its plan re-creates the removed item. */
function outOfBandReport(event: OutOfBandChange, plan: Plan): OutOfBandReport {
  const { actor } = event;
  const who = displayText(
    actor.arn ?? actor.sessionIssuerArn ?? actor.principalId ?? actor.invokedBy ?? 'unknown caller',
    MAX_ACTOR_LENGTH,
  );
  const restored = plan.operations.some((op) =>
    event.type === 'PolicyChangedOutOfBand'
      ? op.type === 'attachPolicy' && op.policyId === event.policyId
      : op.type === 'createAssignment' &&
        op.permissionSetArn === event.permissionSetArn &&
        op.principalId === event.principalId,
  );
  const action = restored ? 'restored' : 'reported';
  const outcome = restored ? 'restored by the product' : 'left alone (not managed)';
  return { action, actor: who, detail: `${describeChange(event)}: ${outcome}` };
}

/**
 * The org events processor's use-case for every outcome of `parseGovernanceEvent`: domain events
 * and ignored events go to {@link processEvent}; a change event is planned by {@link planChange}
 * (the engine's one planning path, on the account re-read now), its operations are queued and the
 * plan audited like any event's; a policy or assignment changed by someone else than the product is
 * also audited with who did it and alerted (`OutOfBandChange`) — a removed managed item is
 * restored, an added one only reported.
 *
 * @example
 * ```ts
 * const result = await processGovernanceEvent(parseGovernanceEvent(raw, { productRoleArns }), deps);
 * if (result.outOfBand !== null) metrics.count('OutOfBandChanges', 1);
 * ```
 */
export async function processGovernanceEvent(
  outcome: Exclude<GovernanceParseOutcome, { kind: 'error' }>,
  deps: GovernanceEventDependencies,
): Promise<GovernanceEventResult> {
  if (outcome.kind !== 'change') return { ...(await processEvent(outcome, deps)), outOfBand: null };
  const { meta } = outcome.event;
  const config = await deps.rules.current();
  const { plan, event } = await planChange(outcome.event, config, deps);
  await recordInView(deps.directoryViews, event);
  const enqueued = plan.operations.filter((op) => op.type !== 'notify');
  const notifications = plan.operations.filter((op): op is NotifyOperation => op.type === 'notify');
  if (enqueued.length > 0) {
    await deps.queue.send(enqueued.map((operation) => ({ eventId: meta.eventId, operation })));
  }
  const now = deps.clock.now();
  const at = new Date(now).toISOString();
  await auditPlan(deps.audit, { eventId: meta.eventId, at, type: 'plan' }, plan);
  const outOfBand = isOutOfBand(event) ? outOfBandReport(event, plan) : null;
  if (outOfBand !== null && isOutOfBand(event)) {
    await deps.audit.append({
      eventId: meta.eventId,
      type: 'event',
      at,
      accountId: event.accountId,
      outcome: 'received',
      ruleIds: [],
      detail: `OutOfBandChange: ${outOfBand.detail}`,
    });
    await deps.outOfBandAlerts?.report({
      kind: 'OutOfBandChange',
      eventId: meta.eventId,
      accountId: event.accountId,
      reason: outOfBand.detail,
    });
  }
  const eventTime = Date.parse(meta.time);
  return {
    eventId: meta.eventId,
    plan,
    enqueued,
    notifications,
    lagSeconds: Number.isNaN(eventTime) ? null : Math.max(0, (now - eventTime) / 1000),
    outOfBand,
  };
}

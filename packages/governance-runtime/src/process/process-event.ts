import type { ParseOutcome } from '@org/event-schemas';
import type { NotifyOperation, Operation, Plan } from '@org/scope-engine';
import type { AuditLog } from '../ports/audit-log';
import type { OperationQueue } from '../ports/operation-queue';
import type { ProvisionedStateRepository } from '../ports/provisioned-state-repository';
import type { Clock } from '../clock';
import type { RulesSource } from '../rules/rules-source';
import type { SnapshotReaders, StoredViewReaders } from '../state/read-account-snapshot';
import { auditPlan } from './audit-plan';
import { planEvent } from './plan-event';

/** The ports {@link processEvent} uses besides the readers of the account. */
interface ProcessEventPorts {
  readonly rules: RulesSource;
  readonly queue: OperationQueue;
  readonly audit: Pick<AuditLog, 'append'>;
  readonly clock: Clock;
}

/** The ports {@link processEvent} uses, reading Identity Center live. */
export interface ProcessEventDependencies extends SnapshotReaders, ProcessEventPorts {
  readonly provisionedState: SnapshotReaders['provisionedState'] &
    Pick<ProvisionedStateRepository, 'forgetAccount'>;
}

/**
 * The ports {@link processEvent} uses with the directory view stored by the last full read
 * instead of Identity Center (the org events processor, which has no Identity Center client).
 */
export interface StoredViewProcessEventDependencies extends StoredViewReaders, ProcessEventPorts {
  readonly provisionedState: StoredViewReaders['provisionedState'] &
    Pick<ProvisionedStateRepository, 'forgetAccount'>;
}

/** What processing one event did. */
export interface ProcessEventResult {
  /** The EventBridge id of the event (`null` when it had none). */
  readonly eventId: string | null;
  /** The full plan, notifications included. */
  readonly plan: Plan;
  /** Operations sent to the operations queue: every operation but `notify`. */
  readonly enqueued: readonly Operation[];
  /** `notify` operations, for the vending notifier to send (never queued). */
  readonly notifications: readonly NotifyOperation[];
  /** Seconds from the event's `time` to now, when the event had a time. */
  readonly lagSeconds: number | null;
}

/**
 * Forgets the provisioned state of an account said to have left, only once a re-read confirms it:
 * Organizations no longer returns it (`AccountNotFoundException`) or it is closed (`CLOSED`, read
 * as SUSPENDED). An account still ACTIVE or PENDING_CLOSURE keeps its managed state, so a later
 * plan can still revoke what the product granted.
 */
async function forgetIfGone(
  accountId: string,
  deps: ProcessEventDependencies | StoredViewProcessEventDependencies,
): Promise<{ readonly accountId: string; readonly forgotten: boolean; readonly detail: string }> {
  const structure = await deps.organizations.readAccountStructure(accountId);
  const account = structure?.accounts.find((candidate) => candidate.id === accountId);
  if (account !== undefined && account.status !== 'SUSPENDED') {
    return { accountId, forgotten: false, detail: `the account is still ${account.status}` };
  }
  await deps.provisionedState.forgetAccount(accountId);
  return { accountId, forgotten: true, detail: account === undefined ? 'not found' : 'closed' };
}

/** The id and time of a parser outcome. */
function eventMeta(outcome: Exclude<ParseOutcome, { kind: 'error' }>): {
  eventId: string | null;
  time: string | null;
} {
  return outcome.kind === 'event'
    ? { eventId: outcome.event.meta.eventId, time: outcome.event.meta.time }
    : { eventId: outcome.eventId, time: null };
}

/**
 * The org events processor's use-case: plan a parsed event against the organization as it is
 * now ({@link planEvent}), send the SCP and assignment operations to the FIFO queue (message
 * group = account), forget the provisioned state of an account that left (once a re-read confirms
 * it is gone or closed), and audit the plan
 * (ignored events with their reason, every skip). `notify` operations are returned, not queued.
 *
 * @example
 * ```ts
 * const outcome = parseOrgEvent(raw);
 * if (outcome.kind !== 'error') {
 *   const { plan, enqueued } = await processEvent(outcome, deps);
 *   logger.info('planned', { operations: enqueued.length, ignored: plan.ignored });
 * }
 * ```
 */
export async function processEvent(
  outcome: Exclude<ParseOutcome, { kind: 'error' }>,
  deps: ProcessEventDependencies | StoredViewProcessEventDependencies,
): Promise<ProcessEventResult> {
  const { eventId, time } = eventMeta(outcome);
  const config = await deps.rules.current();
  const plan = await planEvent(outcome, config, deps);
  const enqueued = plan.operations.filter((op) => op.type !== 'notify');
  const notifications = plan.operations.filter((op): op is NotifyOperation => op.type === 'notify');
  if (enqueued.length > 0) {
    await deps.queue.send(enqueued.map((operation) => ({ eventId, operation })));
  }
  const removal =
    outcome.kind === 'event' && outcome.event.type === 'AccountRemoved'
      ? await forgetIfGone(outcome.event.accountId, deps)
      : null;
  const now = deps.clock.now();
  await auditPlan(
    deps.audit,
    { eventId: eventId ?? 'unidentified', at: new Date(now).toISOString(), type: 'plan' },
    plan,
  );
  if (removal !== null && !removal.forgotten) {
    await deps.audit.append({
      eventId: eventId ?? 'unidentified',
      type: 'plan',
      at: new Date(now).toISOString(),
      accountId: removal.accountId,
      outcome: 'skipped',
      ruleIds: [],
      detail: `AccountStillMember: ${removal.detail}; its managed state is kept`,
    });
  }
  const eventTime = time === null ? Number.NaN : Date.parse(time);
  return {
    eventId,
    plan,
    enqueued,
    notifications,
    lagSeconds: Number.isNaN(eventTime) ? null : Math.max(0, (now - eventTime) / 1000),
  };
}

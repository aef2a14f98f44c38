import type { AccountTagsChanged, ParseOutcome } from '@org/event-schemas';
import type { NotifyOperation, Operation, Plan } from '@org/scope-engine';
import type { FailureReporter } from '../failure-reporter';
import type { AuditLog } from '../ports/audit-log';
import type { TagLedger } from '../ports/tag-ledger';
import type { OperationQueue } from '../ports/operation-queue';
import type { ProvisionedStateRepository } from '../ports/provisioned-state-repository';
import type { Clock } from '../clock';
import type { RulesSource } from '../rules/rules-source';
import type { SnapshotReaders, StoredViewReaders } from '../state/read-account-snapshot';
import { ledgerChangesOf } from '../tag-trust/ledger-changes';
import { reportUntrustedTags } from '../tag-trust/report-untrusted-tags';
import { auditPlan } from './audit-plan';
import { planEvent } from './plan-event';

/** The ports {@link processEvent} uses besides the readers of the account. */
interface ProcessEventPorts {
  readonly rules: RulesSource;
  readonly queue: OperationQueue;
  readonly audit: Pick<AuditLog, 'append'>;
  readonly clock: Clock;
  /**
   * The tag ledger: `TagResource` / `UntagResource` events record who set each tag (always);
   * it is read for the planned account only with `settings.trustedTagPrincipals`.
   * @default no ledger (nothing recorded; with trusted principals no tag value is trusted)
   */
  readonly tagLedger?: TagLedger;
  /** Where `UntrustedTag` skips are alerted. @default not alerted (still audited) */
  readonly failures?: Pick<FailureReporter, 'report'>;
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

/** The event of a tag change, or `null`. */
function accountTagsChanged(
  outcome: Exclude<ParseOutcome, { kind: 'error' }>,
): AccountTagsChanged | null {
  return outcome.kind === 'event' && outcome.event.type === 'AccountTagsChanged'
    ? outcome.event
    : null;
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
 * A `TagResource` / `UntagResource` event is first recorded in the tag ledger (who set each
 * key); `UntrustedTag` skips are audited like every skip and alerted to `failures`.
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
  const tagEvent = accountTagsChanged(outcome);
  if (tagEvent !== null && deps.tagLedger !== undefined) {
    // Before planning: the plan reads the ledger with this change in it.
    const changes = ledgerChangesOf(tagEvent, new Date(deps.clock.now()).toISOString());
    if (changes.length > 0) await deps.tagLedger.record(changes);
  }
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
  await reportUntrustedTags(deps.failures, eventId, plan.skipped);
  const eventTime = time === null ? Number.NaN : Date.parse(time);
  return {
    eventId,
    plan,
    enqueued,
    notifications,
    lagSeconds: Number.isNaN(eventTime) ? null : Math.max(0, (now - eventTime) / 1000),
  };
}

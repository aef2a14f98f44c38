import type { Clock } from '../clock';
import type { AuditLog } from '../ports/audit-log';
import type { OperationMessage, OperationQueue } from '../ports/operation-queue';
import type { PauseSwitch } from './pause-switch';

/** The audit detail of an operation a planner did not enqueue because the product was paused. */
export const PAUSED_DETAIL =
  'paused: planned but not enqueued; the reconcile after orgctl resume restores it';

/** What {@link pauseGatedQueue} uses besides the queue it guards. */
export interface PauseGateDependencies {
  readonly pauseSwitch: Pick<PauseSwitch, 'read'>;
  readonly audit: Pick<AuditLog, 'append'>;
  readonly clock: Clock;
  /** Told how many messages were held (a metric). @default nothing */
  readonly onHeld?: (messages: readonly OperationMessage[]) => void;
}

/**
 * An {@link OperationQueue} that sends through `queue` unless the pause switch is on; while
 * paused it sends nothing and audits each message as `paused` instead (the planner has audited
 * its plan already). Nothing is lost: the desired state is level-triggered, so the reconcile
 * after `orgctl resume` plans the same operations again. The switch is read on every send (one
 * read per planned event).
 *
 * @example
 * ```ts
 * const queue = pauseGatedQueue(new SqsOperationQueue(sqs, { queueUrl }), { pauseSwitch, audit, clock });
 * await processEvent(outcome, { ...deps, queue });
 * ```
 */
export function pauseGatedQueue(
  queue: OperationQueue,
  deps: PauseGateDependencies,
): OperationQueue {
  return {
    async send(messages) {
      if (messages.length === 0) return;
      if (!(await deps.pauseSwitch.read()).paused) {
        await queue.send(messages);
        return;
      }
      await auditPaused(deps.audit, new Date(deps.clock.now()).toISOString(), messages);
      deps.onHeld?.(messages);
    },
  };
}

/**
 * Audits each message a planner did not enqueue because the product was paused (`paused`).
 *
 * @example
 * ```ts
 * await auditPaused(audit, new Date(clock.now()).toISOString(), messages);
 * ```
 */
export async function auditPaused(
  audit: Pick<AuditLog, 'append'>,
  at: string,
  messages: readonly OperationMessage[],
): Promise<void> {
  for (const { eventId, operation } of messages) {
    await audit.append({
      eventId: eventId ?? 'unidentified',
      type: 'operation',
      at,
      accountId: operation.accountId,
      outcome: 'paused',
      ruleIds: 'ruleIds' in operation ? operation.ruleIds : [],
      operation,
      detail: PAUSED_DETAIL,
    });
  }
}

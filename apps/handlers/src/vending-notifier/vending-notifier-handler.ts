import { parseOrgEvent } from '@org/event-schemas';
import {
  describeError,
  type FailureReporter,
  type IdempotencyStore,
  type NotificationResult,
  type NotifyDependencies,
  processEvent,
  type ProcessEventDependencies,
  sendNotifications,
} from '@org/scope-engine';
import type { Context } from 'aws-lambda';
import { rawEventId } from '../shared/event-id';
import { METRIC } from '../shared/observability/metric-names';
import { emitCounts, increment, type Observability } from '../shared/observability/observability';
import { emitPlanMetrics } from '../shared/observability/plan-metrics';
import { reportFailure } from '../shared/report-failure';

/** Everything the notifier uses, created once per container. */
export interface VendingNotifierDependencies {
  readonly process: ProcessEventDependencies;
  readonly notify: NotifyDependencies;
  readonly failures: FailureReporter;
  /** Markers so a failure is reported once, not once per async retry. @default none */
  readonly markers?: IdempotencyStore;
  readonly observability: Observability;
}

/** What one invocation did. */
export interface NotifiedEventSummary {
  readonly eventId: string | null;
  readonly ignored: string | null;
  readonly enqueued: number;
  readonly notifications: readonly NotificationResult[];
}

/** The Lambda handler of the Control Tower (and notifiable Organizations) events. */
export type VendingNotifierHandler = (
  event: unknown,
  context: Context,
) => Promise<NotifiedEventSummary>;

/**
 * The vending notifier (seed 002, done right): Control Tower `CreateManagedAccount` /
 * `UpdateManagedAccount` — and any other event a notification listens to — are planned like
 * the processor does (the vended account's SCP and assignment operations go to the queue), then
 * the configured notifications are sent: a Support case (once per account and notification),
 * a signed webhook, an SNS message. A FAILED vending goes to the failure topic. Any error is
 * reported and rethrown, so Lambda retries and then dead-letters the event — never a swallowed
 * error or a silent HTTP 500.
 *
 * @example
 * ```ts
 * export const handler = createVendingNotifierHandler(createNotifierDependencies(process.env));
 * ```
 */
export function createVendingNotifierHandler(
  deps: VendingNotifierDependencies,
): VendingNotifierHandler {
  const { logger, metrics } = deps.observability;
  return async (raw) => {
    const outcome = parseOrgEvent(raw);
    const eventId = outcome.kind === 'event' ? outcome.event.meta.eventId : rawEventId(raw);
    const once = eventId ?? 'unknown';
    logger.appendKeys({ correlationId: eventId });
    try {
      if (outcome.kind === 'error') {
        emitCounts(metrics, METRIC.eventsRejected, 'eventName', {
          [outcome.error.eventName ?? 'unknown']: 1,
        });
        logger.error('malformed event rejected', {
          error: outcome.error.message,
          issues: outcome.error.issues,
        });
        await reportFailure(deps.failures, deps.markers, `rejected#${once}`, {
          kind: 'EventRejected',
          eventId,
          accountId: null,
          reason: outcome.error.message,
        });
        throw outcome.error;
      }
      if (
        outcome.kind === 'event' &&
        outcome.event.type === 'ManagedAccountVended' &&
        outcome.event.state === 'FAILED'
      ) {
        const { accountName, message, operation } = outcome.event;
        logger.warn('Control Tower vending failed; reported to the failure topic', {
          accountName,
          vendingMessage: message,
          operation,
        });
        await reportFailure(deps.failures, deps.markers, `vending#${once}`, {
          kind: 'VendingFailed',
          eventId,
          accountId: null,
          reason: `${operation} of ${accountName ?? 'an account'} FAILED: ${message ?? 'no message'}`,
        });
      }
      const result = await processEvent(outcome, deps.process);
      emitPlanMetrics(metrics, result.plan, result.enqueued, result.lagSeconds);
      const config = await deps.process.rules.current();
      const sent = await sendNotifications(once, result.notifications, config, deps.notify);
      const byTarget: Record<string, number> = {};
      for (const notification of sent) {
        if (notification.outcome.status === 'sent') increment(byTarget, notification.targetType);
      }
      emitCounts(metrics, METRIC.notificationsSent, 'targetType', byTarget);
      const summary: NotifiedEventSummary = {
        eventId,
        ignored: result.plan.ignored,
        enqueued: result.enqueued.length,
        notifications: sent,
      };
      logger.info('event notified', { ...summary, event: result.plan.event });
      return summary;
    } catch (error) {
      if (outcome.kind !== 'error') {
        logger.error('notification failed', { error });
        await reportFailure(deps.failures, deps.markers, `notify#${once}`, {
          kind: 'NotificationFailed',
          eventId,
          accountId:
            outcome.kind === 'event' && 'accountId' in outcome.event
              ? outcome.event.accountId
              : null,
          reason: describeError(error),
        });
      }
      throw error;
    } finally {
      metrics.flush();
      logger.removeKeys(['correlationId']);
    }
  };
}

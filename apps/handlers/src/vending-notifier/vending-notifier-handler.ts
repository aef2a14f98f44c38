import {
  auditPlan,
  type NotificationResult,
  type NotifyDependencies,
  planNotifications,
  type PlanNotificationsDependencies,
  type RulesSource,
  sendNotifications,
} from '@org/governance-runtime';
import { parseOrgEvent } from '@org/event-schemas';
import { createEventHandler, type EventFailurePolicy } from '../shared/event-invocation';
import { METRIC_NAMES } from '@org/contracts';
import { emitCounts, increment } from '../shared/observability/observability';
import { emitPlanMetrics } from '../shared/observability/plan-metrics';
import { reportFailure } from '../shared/report-failure';
import type { FailureChannel } from '../shared/reject-event';
import type { LambdaHandler } from '../shared/lambda-handler';

/** Everything the notifier uses, created once per container. */
export interface VendingNotifierDependencies extends FailureChannel {
  /** What planning reads: the rules, and the account from Organizations. */
  readonly plan: PlanNotificationsDependencies & { readonly rules: RulesSource };
  /** Where notifications go, their once-only markers, the audit log and the clock. */
  readonly notify: NotifyDependencies;
}

/** What one invocation did. */
export interface NotifiedEventSummary {
  readonly eventId: string | null;
  readonly ignored: string | null;
  readonly notifications: readonly NotificationResult[];
}

/** The Lambda handler of the Control Tower (and notifiable Organizations) events. */
export type VendingNotifierHandler = LambdaHandler<unknown, NotifiedEventSummary>;

/** Every notification failure is logged and goes to the failure topic. */
const NOTIFICATION_FAILURE: EventFailurePolicy = {
  message: 'notification failed',
  kind: 'NotificationFailed',
  prefix: 'notify',
};

/**
 * The vending notifier (seed 002, done right): for Control Tower `CreateManagedAccount` /
 * `UpdateManagedAccount` — and any other event a notification listens to — the account is
 * re-read ({@link planNotifications}) and the configured notifications are sent: a Support case
 * (once per account and notification), a signed webhook, an SNS message. Its SCPs and
 * assignments are the processor's (from the Organizations events of the same account) and the
 * reconciler's. A FAILED vending goes to the failure topic. Any error is reported and rethrown,
 * so Lambda retries and then dead-letters the event — never a swallowed error or a silent HTTP
 * 500.
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
  return createEventHandler(
    deps,
    NOTIFICATION_FAILURE,
    parseOrgEvent,
    async ({ outcome, eventId, leaseMs }) => {
      const once = eventId ?? 'unknown';
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
        await reportFailure(
          deps.failures,
          deps.markers,
          `vending#${once}`,
          {
            kind: 'VendingFailed',
            eventId,
            accountId: null,
            reason: `${operation} of ${accountName ?? 'an account'} FAILED: ${message ?? 'no message'}`,
          },
          leaseMs,
        );
      }
      const config = await deps.plan.rules.current();
      const plan = await planNotifications(outcome, config, deps.plan);
      const now = deps.notify.clock.now();
      const time = outcome.kind === 'event' ? Date.parse(outcome.event.meta.time) : Number.NaN;
      emitPlanMetrics(
        metrics,
        plan,
        [],
        Number.isNaN(time) ? null : Math.max(0, (now - time) / 1000),
      );
      await auditPlan(
        deps.notify.audit,
        { eventId: once, at: new Date(now).toISOString(), type: 'plan' },
        plan,
      );
      const sent = await sendNotifications(once, plan.operations, config, deps.notify, {
        leaseMs,
      });
      const byTarget: Record<string, number> = {};
      for (const notification of sent) {
        if (notification.outcome.status === 'sent') increment(byTarget, notification.targetType);
      }
      emitCounts(metrics, METRIC_NAMES.notificationsSent, 'targetType', byTarget);
      const summary: NotifiedEventSummary = {
        eventId,
        ignored: plan.ignored,
        notifications: sent,
      };
      logger.info('event notified', { ...summary, event: plan.event });
      return summary;
    },
  );
}

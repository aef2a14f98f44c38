import type { GovernanceConfig, Notification, NotifyOperation } from '../../model';
import type {
  AuditLog,
  NotificationOutcome,
  SupportCasePort,
  TopicPort,
  WebhookPort,
} from '../../ports';
import type { Clock } from '../clock';
import { NotificationsFailedError, UnknownNotificationError } from '../errors';
import { deliverOnce } from './deliver-once';
import { DEFAULT_DELIVERY_LEASE_MS, type DeliveryMarkers } from './delivery-markers';

/** The ports {@link sendNotifications} uses. */
export interface NotifyDependencies {
  readonly support: SupportCasePort;
  readonly webhook: WebhookPort;
  readonly topics: TopicPort;
  /**
   * Two-phase once-only markers for webhook and SNS deliveries (Support cases have their own): a
   * delivery interrupted by a crash is taken over by a retry once its lease has run out.
   */
  readonly markers: DeliveryMarkers;
  readonly audit: Pick<AuditLog, 'append'>;
  readonly clock: Clock;
}

/** What happened to one notification. */
export interface NotificationResult {
  readonly notificationId: string;
  readonly targetType: NotifyOperation['targetType'];
  readonly outcome: NotificationOutcome;
}

/** Options of {@link sendNotifications}. */
export interface SendNotificationsOptions {
  /**
   * How long a webhook or SNS delivery may take before a retry may take it over: the caller's
   * remaining run time (plus a margin) in Lambda. @default 15 minutes
   */
  readonly leaseMs?: number;
}

/** Sends one notify operation to its target. */
async function deliver(
  eventId: string,
  operation: NotifyOperation,
  notification: Notification,
  deps: NotifyDependencies,
  leaseMs: number,
): Promise<NotificationOutcome> {
  const { target } = notification;
  const { accountId, subject, body } = operation;
  const marker = `notify#${notification.id}#${eventId}#${accountId}`;
  switch (target.type) {
    case 'supportCase':
      return deps.support.openCase({
        accountId,
        notificationId: notification.id,
        subject,
        body,
        serviceCode: target.serviceCode,
        categoryCode: target.categoryCode,
        severityCode: target.severityCode,
      });
    case 'webhook':
      return deliverOnce(deps.markers, marker, leaseMs, async () => {
        const payload = { eventId, notificationId: notification.id, accountId, subject, body };
        const { statusCode } = await deps.webhook.deliver({
          url: target.url,
          secretArn: target.secretArn,
          payload,
        });
        return `HTTP ${statusCode}`;
      });
    case 'sns':
      return deliverOnce(deps.markers, marker, leaseMs, async () => {
        const { messageId } = await deps.topics.publish(target.topicArn, {
          subject,
          message: body,
          attributes: { accountId, notificationId: notification.id, eventId },
        });
        return messageId;
      });
  }
}

/**
 * The vending notifier's use-case: send each `notify` operation of an event to its target —
 * an AWS Support case (once per account and notification, SPEC §2), a signed webhook or an SNS
 * topic (once per event, notification and account, with two-phase markers: see
 * {@link deliverOnce}) — and audit each. Every notification is
 * attempted; if some fail, the others stay sent and a {@link NotificationsFailedError} lists the
 * failures, so the platform retries and only the failed ones go out again.
 *
 * @example
 * ```ts
 * const { notifications } = await processEvent(outcome, deps);
 * await sendNotifications(eventId, notifications, config, notifyDeps);
 * ```
 */
export async function sendNotifications(
  eventId: string,
  operations: readonly NotifyOperation[],
  config: GovernanceConfig,
  deps: NotifyDependencies,
  options: SendNotificationsOptions = {},
): Promise<NotificationResult[]> {
  const leaseMs = options.leaseMs ?? DEFAULT_DELIVERY_LEASE_MS;
  const results: NotificationResult[] = [];
  const failures: { notificationId: string; error: unknown }[] = [];
  for (const operation of operations) {
    try {
      const notification = config.notifications.find((n) => n.id === operation.notificationId);
      if (notification === undefined) throw new UnknownNotificationError(operation.notificationId);
      const outcome = await deliver(eventId, operation, notification, deps, leaseMs);
      results.push({
        notificationId: operation.notificationId,
        targetType: operation.targetType,
        outcome,
      });
      await deps.audit.append({
        eventId,
        type: 'notification',
        at: new Date(deps.clock.now()).toISOString(),
        accountId: operation.accountId,
        outcome: outcome.status === 'sent' ? 'applied' : 'alreadyInState',
        ruleIds: [operation.notificationId],
        operation,
        detail: outcome.status === 'sent' ? outcome.reference : 'already sent',
      });
    } catch (error) {
      failures.push({ notificationId: operation.notificationId, error });
    }
  }
  if (failures.length > 0) throw new NotificationsFailedError(eventId, failures);
  return results;
}

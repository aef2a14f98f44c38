import type { GovernanceConfig, Notification, NotifyOperation } from '@org/scope-engine';
import type { AuditLog } from '../ports/audit-log';
import type {
  NotificationOutcome,
  SupportCasePort,
  TopicPort,
  WebhookPort,
} from '../ports/notification-ports';
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
  /** Appends each notification's entry; reads an event's entries when a delivery repeats. */
  readonly audit: Pick<AuditLog, 'append' | 'listByEvent'>;
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
        eventId,
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
          ...(target.allowPrivateNetwork === true ? { allowPrivateNetwork: true } : {}),
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
 * Whether a repeated delivery was sent by an earlier attempt of this very event that failed
 * before its audit entry. Webhook and SNS markers are per event, so their first send was this
 * event's; a Support case is once per account, so only when it was recorded as opened for this
 * event.
 */
async function sentUnaudited(
  eventId: string,
  operation: NotifyOperation,
  outcome: NotificationOutcome,
  audit: Pick<AuditLog, 'listByEvent'>,
): Promise<boolean> {
  if (outcome.status !== 'duplicate') return false;
  if (operation.targetType === 'supportCase' && outcome.sentForEventId !== eventId) return false;
  const entries = await audit.listByEvent(eventId);
  return !entries.some(
    (entry) =>
      entry.type === 'notification' &&
      entry.outcome === 'applied' &&
      entry.accountId === operation.accountId &&
      entry.operation?.type === 'notify' &&
      entry.operation.notificationId === operation.notificationId,
  );
}

/** The audit outcome and detail of one notification. */
async function auditOf(
  eventId: string,
  operation: NotifyOperation,
  outcome: NotificationOutcome,
  audit: Pick<AuditLog, 'listByEvent'>,
): Promise<{ outcome: 'applied' | 'alreadyInState'; detail: string }> {
  if (outcome.status === 'sent') return { outcome: 'applied', detail: outcome.reference };
  if (await sentUnaudited(eventId, operation, outcome, audit)) {
    return {
      outcome: 'applied',
      detail: `${outcome.reference ?? 'sent'} (recorded by a retry: the attempt that sent it failed before its audit entry)`,
    };
  }
  return { outcome: 'alreadyInState', detail: 'already sent' };
}

/**
 * The vending notifier's use-case: send each `notify` operation of an event to its target —
 * an AWS Support case (once per account and notification), a signed webhook or an SNS
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
        ruleIds: [operation.notificationId],
        operation,
        ...(await auditOf(eventId, operation, outcome, deps.audit)),
      });
    } catch (error) {
      failures.push({ notificationId: operation.notificationId, error });
    }
  }
  if (failures.length > 0) throw new NotificationsFailedError(eventId, failures);
  return results;
}

/**
 * Expected notifications against what was sent (audit log) and what arrived (Support cases in
 * moto, webhook deliveries at the receiver, messages on the notification topic).
 */
import type { NotifyOperation } from '@org/scope-engine';
import type { StoredAuditEntry } from '@org/governance-runtime';
import type { WebhookDelivery } from '../deployment/webhook-receiver';
import { type ExpectedNotification, notificationKey } from '../model/model-round';
import type { ExactlyOnceVerdict } from './exactly-once-verdict';
import type { PublishedNotification } from './observed-effects';

/**
 * The verdict on notifications: `duplicated` counts each arrival beyond the first of a
 * notification, `unexpected` lists arrivals of notifications the model did not expect.
 */
export interface NotificationVerdict extends ExactlyOnceVerdict {
  readonly sent: number;
  /** Counts per target type: expected / arrived. */
  readonly byTarget: Readonly<Record<NotifyOperation['targetType'], readonly [number, number]>>;
}

/** What arrived where. */
export interface NotificationArrivals {
  readonly supportCaseSubjects: readonly string[];
  readonly webhooks: readonly WebhookDelivery[];
  readonly topicMessages: readonly PublishedNotification[];
}

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/**
 * Compares expected notifications with the audit log and the arrivals.
 *
 * @example
 * ```ts
 * const verdict = checkNotifications(expected, auditEntries, { supportCaseSubjects, webhooks, topicMessages });
 * ```
 */
export function checkNotifications(
  expected: readonly ExpectedNotification[],
  audit: readonly StoredAuditEntry[],
  arrivals: NotificationArrivals,
): NotificationVerdict {
  const sentKeys = new Set(
    audit
      .filter(
        (e) =>
          e.type === 'notification' && e.outcome === 'applied' && e.operation?.type === 'notify',
      )
      .map((e) => notificationKey(e.eventId, e.operation as NotifyOperation)),
  );
  const arrived = countBy([
    ...arrivals.webhooks.map((w) => `webhook#${w.notificationId}#${w.eventId}#${w.accountId}`),
    ...arrivals.topicMessages.map((m) => `sns#${m.notificationId}#${m.eventId}#${m.accountId}`),
  ]);
  const subjects = countBy(arrivals.supportCaseSubjects);
  const arrivalsOf = (n: ExpectedNotification) =>
    n.operation.targetType === 'supportCase'
      ? (subjects.get(n.operation.subject) ?? 0)
      : (arrived.get(n.key) ?? 0);
  const lost: string[] = [];
  const duplicates: string[] = [];
  let duplicated = 0;
  let sent = 0;
  const byTarget = { supportCase: [0, 0], webhook: [0, 0], sns: [0, 0] } as Record<
    NotifyOperation['targetType'],
    [number, number]
  >;
  for (const n of expected) {
    const times = arrivalsOf(n);
    byTarget[n.operation.targetType][0] += 1;
    byTarget[n.operation.targetType][1] += times;
    if (sentKeys.has(n.key) && times >= 1) sent += 1;
    else
      lost.push(
        `${n.key} (audit: ${sentKeys.has(n.key) ? 'sent' : 'not sent'}, arrived ${times}×)`,
      );
    if (times > 1) {
      duplicated += times - 1;
      duplicates.push(`${n.key} arrived ${times}×`);
    }
  }
  const expectedKeys = new Set(expected.map((n) => n.key));
  const expectedSubjects = new Set(
    expected
      .filter((n) => n.operation.targetType === 'supportCase')
      .map((n) => n.operation.subject),
  );
  const unexpected = [
    ...[...arrived.keys()].filter((key) => !expectedKeys.has(key)),
    ...[...subjects.keys()]
      .filter((s) => !expectedSubjects.has(s))
      .map((s) => `support case "${s}"`),
  ];
  return { expected: expected.length, sent, lost, duplicated, duplicates, unexpected, byTarget };
}

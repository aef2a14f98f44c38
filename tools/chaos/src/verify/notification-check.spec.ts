import type { NotifyOperation } from '@org/scope-engine';
import type { StoredAuditEntry } from '@org/governance-runtime';
import type { ExpectedNotification } from '../model/model-round';
import { checkNotifications } from './notification-check';

const ACCOUNT = '222233334444';
const webhook: NotifyOperation = {
  type: 'notify',
  accountId: ACCOUNT,
  notificationId: 'cmdb-webhook',
  targetType: 'webhook',
  subject: 's',
  body: 'b',
};
const support: NotifyOperation = {
  ...webhook,
  notificationId: 'ams-onboarding',
  targetType: 'supportCase',
  subject: `New account ${ACCOUNT}`,
};
const expected: ExpectedNotification[] = [
  { key: `webhook#cmdb-webhook#e-1#${ACCOUNT}`, eventId: 'e-1', operation: webhook },
  { key: `supportCase#${ACCOUNT}#ams-onboarding`, eventId: 'e-2', operation: support },
];
const sent = (eventId: string, operation: NotifyOperation): StoredAuditEntry => ({
  eventId,
  type: 'notification',
  at: '2026-11-01T00:00:00.000Z',
  accountId: ACCOUNT,
  outcome: 'applied',
  ruleIds: [operation.notificationId],
  operation,
  expiresAt: 0,
});
const delivery = {
  eventId: 'e-1',
  notificationId: 'cmdb-webhook',
  accountId: ACCOUNT,
  signatureValid: true,
};

describe('checkNotifications', () => {
  describe.each([
    {
      name: 'each sent and arrived once',
      audit: [sent('e-1', webhook), sent('e-2', support)],
      arrivals: { supportCaseSubjects: [support.subject], webhooks: [delivery], topicMessages: [] },
      verdict: { sent: 2, lost: [], duplicated: 0, duplicates: [], unexpected: [] },
    },
    {
      name: 'a webhook delivered twice and a second Support case',
      audit: [sent('e-1', webhook), sent('e-2', support)],
      arrivals: {
        supportCaseSubjects: [support.subject, support.subject],
        webhooks: [delivery, delivery],
        topicMessages: [],
      },
      verdict: {
        sent: 2,
        lost: [],
        duplicated: 2,
        duplicates: [
          `webhook#cmdb-webhook#e-1#${ACCOUNT} arrived 2×`,
          `supportCase#${ACCOUNT}#ams-onboarding arrived 2×`,
        ],
        unexpected: [],
      },
    },
    {
      name: 'a webhook marked sent that never arrived, and an SNS message nobody expected',
      audit: [sent('e-2', support)],
      arrivals: {
        supportCaseSubjects: [support.subject],
        webhooks: [],
        topicMessages: [{ eventId: 'e-9', notificationId: 'joined-topic', accountId: ACCOUNT }],
      },
      verdict: {
        sent: 1,
        lost: [`webhook#cmdb-webhook#e-1#${ACCOUNT} (audit: not sent, arrived 0×)`],
        duplicated: 0,
        duplicates: [],
        unexpected: [`sns#joined-topic#e-9#${ACCOUNT}`],
      },
    },
  ])('$name', ({ audit, arrivals, verdict }) => {
    it('judges', () => {
      const v = checkNotifications(expected, audit, arrivals);
      expect({
        count: v.expected,
        sent: v.sent,
        lost: v.lost,
        duplicated: v.duplicated,
        duplicates: v.duplicates,
        unexpected: v.unexpected,
      }).toStrictEqual({ count: 2, ...verdict });
    });
  });
});

import type { GovernanceConfig, NotifyOperation } from '@org/scope-engine';
import type { SupportCaseRequest, TopicMessage, WebhookRequest } from '../ports/notification-ports';
import {
  DeliveryInProgressError,
  NotificationsFailedError,
  UnknownNotificationError,
} from '../errors';
import { InMemoryAuditLog } from '../testing/in-memory-audit-log';
import { InMemoryIdempotencyStore } from '../testing/in-memory-idempotency-store';
import { VirtualClock } from '../testing/virtual-clock';
import { sendNotifications } from './send-notifications';

const CONFIG: GovernanceConfig = {
  settings: { maxScpsPerTarget: 10, includeManagementAccount: false },
  scpRules: [],
  assignmentRules: [],
  notifications: [
    {
      id: 'ams',
      on: ['ManagedAccountVended'],
      target: {
        type: 'supportCase',
        subject: 's',
        body: 'b',
        serviceCode: 'svc',
        categoryCode: 'cat',
        severityCode: 'low',
      },
    },
    {
      id: 'cmdb',
      on: ['ManagedAccountVended'],
      target: { type: 'webhook', url: 'https://cmdb.example.com/h', secretArn: 'arn:secret' },
    },
    {
      id: 'topic',
      on: ['ManagedAccountVended'],
      target: { type: 'sns', topicArn: 'arn:aws:sns:us-east-1:111111111111:t' },
    },
  ],
};

const op = (
  notificationId: string,
  targetType: NotifyOperation['targetType'],
): NotifyOperation => ({
  type: 'notify',
  accountId: '888899990000',
  notificationId,
  targetType,
  subject: `subject ${notificationId}`,
  body: `body ${notificationId}`,
});

function setup(webhookFailures = 0) {
  const time = { now: 0 };
  const cases: SupportCaseRequest[] = [];
  const hooks: WebhookRequest[] = [];
  const published: TopicMessage[] = [];
  const opened = new Map<string, string | undefined>();
  let failuresLeft = webhookFailures;
  const deps = {
    support: {
      openCase: async (request: SupportCaseRequest) => {
        const key = `${request.accountId}#${request.notificationId}`;
        if (opened.has(key)) {
          const sentForEventId = opened.get(key);
          return sentForEventId === undefined
            ? { status: 'duplicate' as const }
            : { status: 'duplicate' as const, sentForEventId };
        }
        opened.set(key, request.eventId);
        cases.push(request);
        return { status: 'sent' as const, reference: 'case-1' };
      },
    },
    webhook: {
      deliver: async (request: WebhookRequest) => {
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          throw Object.assign(new Error('HTTP 503'), {
            code: 'WebhookDeliveryFailed',
            retryable: true,
          });
        }
        hooks.push(request);
        return { statusCode: 204 };
      },
    },
    topics: {
      publish: async (_arn: string, message: TopicMessage) => (
        published.push(message),
        { messageId: 'msg-1' }
      ),
    },
    markers: new InMemoryIdempotencyStore({ now: () => time.now }),
    audit: new InMemoryAuditLog(),
    clock: new VirtualClock(0),
  };
  return { deps, cases, hooks, published, time };
}

const all = [op('ams', 'supportCase'), op('cmdb', 'webhook'), op('topic', 'sns')];

/** One notification's delivery result, as `sendNotifications` returns it. */
const delivery = (notificationId: string, targetType: string, outcome: object) => ({
  notificationId,
  targetType,
  outcome,
});

describe('sendNotifications', () => {
  it('passes allowPrivateNetwork of a webhook target to the delivery', async () => {
    const { deps, hooks } = setup();
    const privateTarget = {
      ...CONFIG,
      notifications: CONFIG.notifications.map((n) =>
        n.target.type === 'webhook'
          ? {
              ...n,
              target: { ...n.target, url: 'https://cmdb.internal/h', allowPrivateNetwork: true },
            }
          : n,
      ),
    };
    await sendNotifications('evt-1', [op('cmdb', 'webhook')], privateTarget, deps);
    expect(
      hooks.map(({ url, allowPrivateNetwork }) => ({ url, allowPrivateNetwork })),
    ).toStrictEqual([{ url: 'https://cmdb.internal/h', allowPrivateNetwork: true }]);
  });

  it('sends each notification once, even when the event is delivered twice', async () => {
    const { deps, cases, hooks, published } = setup();
    const first = await sendNotifications('evt-1', all, CONFIG, deps);
    const second = await sendNotifications('evt-1', all, CONFIG, deps);
    expect({
      first,
      second,
      cases: cases.length,
      hooks,
      published,
      audit: deps.audit.entries().map((e) => [e.outcome, e.detail]),
    }).toStrictEqual({
      first: [
        delivery('ams', 'supportCase', { status: 'sent', reference: 'case-1' }),
        delivery('cmdb', 'webhook', { status: 'sent', reference: 'HTTP 204' }),
        delivery('topic', 'sns', { status: 'sent', reference: 'msg-1' }),
      ],
      second: [
        delivery('ams', 'supportCase', { status: 'duplicate', sentForEventId: 'evt-1' }),
        delivery('cmdb', 'webhook', { status: 'duplicate', reference: 'HTTP 204' }),
        delivery('topic', 'sns', { status: 'duplicate', reference: 'msg-1' }),
      ],
      cases: 1,
      hooks: [
        {
          url: 'https://cmdb.example.com/h',
          secretArn: 'arn:secret',
          payload: {
            eventId: 'evt-1',
            notificationId: 'cmdb',
            accountId: '888899990000',
            subject: 'subject cmdb',
            body: 'body cmdb',
          },
        },
      ],
      published: [
        {
          subject: 'subject topic',
          message: 'body topic',
          attributes: { accountId: '888899990000', notificationId: 'topic', eventId: 'evt-1' },
        },
      ],
      audit: [
        ['applied', 'case-1'],
        ['applied', 'HTTP 204'],
        ['applied', 'msg-1'],
        ['alreadyInState', 'already sent'],
        ['alreadyInState', 'already sent'],
        ['alreadyInState', 'already sent'],
      ],
    });
  });

  it('sends the others, throws a retryable error for a failed one and re-sends only it on retry', async () => {
    const { deps, cases, hooks, published } = setup(1);
    const error = await sendNotifications('evt-1', all, CONFIG, deps).catch((e: unknown) => e);
    const retry = await sendNotifications('evt-1', all, CONFIG, deps);
    expect({
      error: error instanceof NotificationsFailedError ? [error.retryable, error.message] : error,
      retry: retry.map((r) => [r.notificationId, r.outcome.status]),
      sent: [cases.length, hooks.length, published.length],
    }).toStrictEqual({
      error: [
        true,
        '1 notification(s) of event evt-1 failed: cmdb: WebhookDeliveryFailed: HTTP 503',
      ],
      retry: [
        ['ams', 'duplicate'],
        ['cmdb', 'sent'],
        ['topic', 'duplicate'],
      ],
      sent: [1, 1, 1],
    });
  });

  it('takes over a delivery whose attempt crashed after claiming it, once its lease has run out', async () => {
    const { deps, hooks, published, time } = setup();
    // An earlier attempt claimed both deliveries with a one-minute lease, then its container died.
    await deps.markers.begin('notify#cmdb#evt-1#888899990000', 60_000);
    await deps.markers.begin('notify#topic#evt-1#888899990000', 60_000);
    const webAndTopic = all.slice(1);
    time.now = 59_999;
    const early = await sendNotifications('evt-1', webAndTopic, CONFIG, deps, {
      leaseMs: 60_000,
    }).catch((e: unknown) => e);
    time.now = 60_000;
    const retry = await sendNotifications('evt-1', webAndTopic, CONFIG, deps, {
      leaseMs: 60_000,
    });
    const again = await sendNotifications('evt-1', webAndTopic, CONFIG, deps);
    expect({
      early:
        early instanceof NotificationsFailedError
          ? [early.retryable, early.failures.map((f) => f.error)]
          : early,
      retry: retry.map((r) => [r.notificationId, r.outcome]),
      again: again.map((r) => [r.notificationId, r.outcome.status]),
      sent: [hooks.length, published.length],
    }).toStrictEqual({
      early: [
        true,
        [
          new DeliveryInProgressError('notify#cmdb#evt-1#888899990000', 60_000),
          new DeliveryInProgressError('notify#topic#evt-1#888899990000', 60_000),
        ],
      ],
      retry: [
        ['cmdb', { status: 'sent', reference: 'HTTP 204' }],
        ['topic', { status: 'sent', reference: 'msg-1' }],
      ],
      again: [
        ['cmdb', 'duplicate'],
        ['topic', 'duplicate'],
      ],
      sent: [1, 1],
    });
  });

  it('audits a delivery as sent on the retry when the attempt that sent it failed to audit it', async () => {
    const { deps, hooks, published } = setup();
    const audit = deps.audit;
    const throttled = Object.assign(new Error('PutItem throttled'), {
      code: 'Throttled',
      retryable: true,
    });
    let failAppends = 3;
    const flakyAudit = {
      append: (entry: Parameters<InMemoryAuditLog['append']>[0]) =>
        failAppends-- > 0 ? Promise.reject(throttled) : audit.append(entry),
      listByEvent: (eventId: string) => audit.listByEvent(eventId),
    };
    await expect(
      sendNotifications('evt-1', all, CONFIG, { ...deps, audit: flakyAudit }),
    ).rejects.toBeInstanceOf(NotificationsFailedError);
    await sendNotifications('evt-1', all, CONFIG, { ...deps, audit: flakyAudit });
    // A third delivery of the same event finds the applied entries: only "already sent" now.
    await sendNotifications('evt-1', all, CONFIG, { ...deps, audit: flakyAudit });
    expect({
      hooks: hooks.length,
      published: published.length,
      audit: audit
        .entries()
        .map((e) => [
          e.operation?.type === 'notify' ? e.operation.targetType : null,
          e.outcome,
          e.detail,
        ]),
    }).toStrictEqual({
      hooks: 1,
      published: 1,
      audit: [
        [
          'supportCase',
          'applied',
          'sent (recorded by a retry: the attempt that sent it failed before its audit entry)',
        ],
        [
          'webhook',
          'applied',
          'HTTP 204 (recorded by a retry: the attempt that sent it failed before its audit entry)',
        ],
        [
          'sns',
          'applied',
          'msg-1 (recorded by a retry: the attempt that sent it failed before its audit entry)',
        ],
        ['supportCase', 'alreadyInState', 'already sent'],
        ['webhook', 'alreadyInState', 'already sent'],
        ['sns', 'alreadyInState', 'already sent'],
      ],
    });
  });

  it('rejects a notification the configuration does not have', async () => {
    const { deps } = setup();
    const error = await sendNotifications('evt-1', [op('gone', 'sns')], CONFIG, deps).catch(
      (e: unknown) => e,
    );
    expect(error).toStrictEqual(
      new NotificationsFailedError('evt-1', [
        { notificationId: 'gone', error: new UnknownNotificationError('gone') },
      ]),
    );
    expect((error as NotificationsFailedError).retryable).toBe(false);
  });
});

import { CreateCaseCommand, SupportClient } from '@aws-sdk/client-support';
import { SupportCaseNotifier } from '@org/aws-adapters/notifiers';
import type { TopicMessage, WebhookRequest } from '@org/governance-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { createVendingNotifierHandler } from '../../src/vending-notifier/vending-notifier-handler';
import {
  collectingFailures,
  exampleEvent,
  lambdaContext,
  testObservability,
} from '../support/fixtures';
import { inMemoryDeployment } from '../support/in-memory-deployment';

function setup(options: { readonly webhookFails?: boolean } = {}) {
  const env = inMemoryDeployment();
  const failures = collectingFailures();
  const observability = testObservability();
  // The real Support edge (its once-per-account marker included) over a recording AWS
  // Support API that opens every case it is asked to: a repeated case shows up here.
  const supportClient = new SupportClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const supportApi = mockClient(supportClient);
  supportApi
    .on(CreateCaseCommand)
    .callsFake(() => ({ caseId: `case-${supportApi.commandCalls(CreateCaseCommand).length}` }));
  const cases = () => supportApi.commandCalls(CreateCaseCommand).map((call) => call.args[0].input);
  const hooks: WebhookRequest[] = [];
  const published: TopicMessage[] = [];
  const handler = createVendingNotifierHandler({
    plan: { organizations: env.org, rules: env.rules },
    notify: {
      support: new SupportCaseNotifier(supportClient, env.markers),
      webhook: {
        deliver: async (request) => {
          if (options.webhookFails) {
            throw Object.assign(new Error('HTTP 503'), {
              code: 'WebhookDeliveryFailed',
              retryable: true,
            });
          }
          hooks.push(request);
          return { statusCode: 200 };
        },
      },
      topics: { publish: async (_arn, message) => (published.push(message), { messageId: 'm-1' }) },
      markers: env.markers,
      audit: env.audit,
      clock: env.clock,
    },
    failures,
    markers: env.markers,
    observability,
  });
  return { env, failures, metrics: observability.metrics, handler, cases, hooks, published };
}

/** The account the example vending event creates, as the organization knows it afterwards. */
const VENDED_ACCOUNT = {
  id: '888899990000',
  name: 'analytics-prod',
  parentId: 'ou-ab12-22222222',
  status: 'ACTIVE' as const,
  tags: {},
};

describe('vending notifier handler', () => {
  it('opens one Support case and one webhook per vended account, even when the event comes twice, and queues nothing', async () => {
    const { env, handler, cases, hooks, metrics } = setup();
    env.org.putAccount({ ...VENDED_ACCOUNT });
    const raw = exampleEvent('managed-account-vended-create');
    const first = await handler(raw, lambdaContext());
    const second = await handler(raw, lambdaContext());
    expect({
      first: first.notifications.map((n) => [n.notificationId, n.outcome.status]),
      second: second.notifications.map((n) => [n.notificationId, n.outcome.status]),
      cases: cases().map((c) => [c.subject, c.serviceCode, c.categoryCode, c.severityCode]),
      hooks: hooks.map((h) => [h.url, h.payload['accountId']]),
      sent: metrics.total('NotificationsSent'),
      // The account's SCPs and assignments are the processor's (Organizations events).
      queued: env.queue.peek(),
    }).toStrictEqual({
      first: [
        ['ams-onboarding', 'sent'],
        ['cmdb-webhook', 'sent'],
      ],
      second: [
        ['ams-onboarding', 'duplicate'],
        ['cmdb-webhook', 'duplicate'],
      ],
      cases: [
        [
          'New Account Created via Control Tower - Account ID: 888899990000 || Account Name: analytics-prod',
          'service-ams-operations-service-request',
          'onboarding-or-offboarding',
          'low',
        ],
      ],
      hooks: [['https://cmdb.example.com/hooks/aws-accounts', '888899990000']],
      sent: 2,
      queued: [],
    });
  });

  it('sends a FAILED vending to the failure topic and opens no case', async () => {
    const { failures, handler, cases } = setup();
    const summary = await handler(exampleEvent('managed-account-vended-failed'), lambdaContext());
    expect({
      ignored: summary.ignored,
      notifications: summary.notifications,
      cases: cases(),
      reports: failures.reports.map((r) => [r.kind, r.accountId]),
    }).toStrictEqual({
      ignored: 'VendingFailed',
      notifications: [],
      cases: [],
      reports: [['VendingFailed', null]],
    });
  });

  it('reports a failed notification and rethrows, so Lambda retries the event', async () => {
    const { env, failures, handler, cases } = setup({ webhookFails: true });
    env.org.putAccount({ ...VENDED_ACCOUNT });
    const error = await handler(
      exampleEvent('managed-account-vended-create'),
      lambdaContext(),
    ).catch((e: unknown) => e);
    expect({
      error: [(error as { code?: string }).code, (error as { retryable?: boolean }).retryable],
      reports: failures.reports.map((r) => [r.kind, r.reason]),
      cases: cases().length,
    }).toStrictEqual({
      error: ['NOTIFICATIONS_FAILED', true],
      reports: [
        [
          'NotificationFailed',
          'NOTIFICATIONS_FAILED: 1 notification(s) of event 12640f19-81b0-5567-84eb-e09ed47edfa7 failed: cmdb-webhook: WebhookDeliveryFailed: HTTP 503',
        ],
      ],
      cases: 1,
    });
  });
});

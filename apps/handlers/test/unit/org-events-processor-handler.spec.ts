import { EventError } from '@org/event-schemas';
import { deployedProcessor } from '../support/deployed-processor';
import { exampleEvent, lambdaContext } from '../support/fixtures';

const RO = 'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-1111111111111111';
const AUDITORS = '90671234-aaaa-bbbb-cccc-111111111111';

const setup = () => deployedProcessor();

describe('org events processor handler', () => {
  it('plans a created account from the organization as it is and enqueues its operations', async () => {
    const { env, failures, metrics, handler } = await setup();
    const summary = await handler(exampleEvent('account-created'), lambdaContext());
    expect({
      summary,
      queued: env.queue.peek(),
      failures: failures.reports,
      enqueuedMetric: metrics.total('OperationsEnqueued'),
      lag: metrics
        .records()
        .filter((r) => r.name === 'EventLagSeconds')
        .map((r) => r.value),
    }).toStrictEqual({
      summary: { eventId: expect.any(String), ignored: null, enqueued: 3, skipped: 0 },
      queued: [
        {
          type: 'attachPolicy',
          policyType: 'SERVICE_CONTROL_POLICY',
          accountId: '222233334444',
          policyId: 'p-aaaa1111',
          ruleIds: ['baseline-guardrails', 'payments-extra'],
        },
        {
          type: 'attachPolicy',
          policyType: 'SERVICE_CONTROL_POLICY',
          accountId: '222233334444',
          policyId: 'p-bbbb2222',
          ruleIds: ['payments-extra'],
        },
        {
          type: 'createAssignment',
          accountId: '222233334444',
          permissionSetArn: RO,
          principalType: 'GROUP',
          principalId: AUDITORS,
          ruleIds: ['auditors-readonly'],
        },
      ].map((operation) => ({ eventId: summary.eventId, operation })),
      failures: [],
      enqueuedMetric: 3,
      lag: [expect.any(Number)],
    });
  });

  it('ignores a failed API call with its reason, enqueuing nothing', async () => {
    const { env, metrics, handler } = await setup();
    const summary = await handler(exampleEvent('move-account-api-error'), lambdaContext());
    expect({
      summary,
      queued: env.queue.peek(),
      audit: env.audit.entries().map((e) => [e.outcome, e.detail]),
      ignoredMetric: metrics.total('EventsIgnored', ['reason', 'ApiCallFailed']),
    }).toStrictEqual({
      summary: { eventId: expect.any(String), ignored: 'ApiCallFailed', enqueued: 0, skipped: 0 },
      queued: [],
      audit: [['ignored', 'ApiCallFailed']],
      ignoredMetric: 1,
    });
  });

  it('rejects a malformed event: reported once to the failure topic, and the invocation fails every time', async () => {
    const { env, failures, metrics, handler } = await setup();
    const raw = exampleEvent('account-moved');
    const detail = raw['detail'] as { requestParameters: Record<string, unknown> };
    detail.requestParameters['accountId'] = 'not-an-account';
    const first = await handler(raw, lambdaContext()).catch((e: unknown) => e);
    const retry = await handler(raw, lambdaContext()).catch((e: unknown) => e);
    expect({
      first: first instanceof EventError,
      retry: retry instanceof EventError,
      reports: failures.reports.map((r) => [r.kind, r.eventId, r.reason]),
      queued: env.queue.peek(),
      rejected: metrics.total('EventsRejected'),
    }).toStrictEqual({
      first: true,
      retry: true,
      reports: [['EventRejected', raw['id'], (first as EventError).message]],
      queued: [],
      rejected: 2,
    });
    expect((first as EventError).message).toContain('$.detail.requestParameters.accountId');
  });

  it('fails a created account that is not visible yet without alerting (the retry will find it)', async () => {
    const { env, failures, handler } = await setup();
    env.org.removeAccount('222233334444');
    const error = await handler(exampleEvent('account-created'), lambdaContext()).catch(
      (e: unknown) => e,
    );
    expect({
      code: (error as { code?: string }).code,
      reports: failures.reports,
      queued: env.queue.peek(),
    }).toStrictEqual({
      code: 'ACCOUNT_NOT_VISIBLE',
      reports: [],
      queued: [],
    });
  });

  it('reports a permanent failure with the event id and rethrows it', async () => {
    const { env, failures, handler } = await setup();
    const denied = Object.assign(new Error('not authorized to ListParents'), {
      code: 'AccessDenied',
      retryable: false,
    });
    env.org.readAccountStructure = () => Promise.reject(denied);
    const raw = exampleEvent('account-moved');
    await expect(handler(raw, lambdaContext())).rejects.toBe(denied);
    expect(failures.reports).toStrictEqual([
      {
        kind: 'ProcessingFailed',
        eventId: raw['id'],
        accountId: '222233334444',
        reason: 'AccessDenied: not authorized to ListParents',
      },
    ]);
  });
});

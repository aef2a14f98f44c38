import { CreateCaseCommand, SupportClient } from '@aws-sdk/client-support';
import type { IdempotencyStore } from '@org/scope-engine';
import { mockClient } from 'aws-sdk-client-mock';
import { FAST_RETRY } from '../../test/support/fast-retry';
import { SupportCaseNotifier } from './support-case-notifier';

const supportMock = mockClient(SupportClient);

beforeEach(() => supportMock.reset());

class MemoryMarkers implements IdempotencyStore {
  readonly keys = new Set<string>();
  async claim(key: string): Promise<boolean> {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    return true;
  }
  async release(key: string): Promise<void> {
    this.keys.delete(key);
  }
}

const CASE = {
  accountId: '222222222222',
  notificationId: 'ams-onboarding',
  subject: 'New account 222222222222',
  body: 'Onboard it',
  serviceCode: 'service-ams-operations-service-request',
  categoryCode: 'onboarding-or-offboarding',
  severityCode: 'low',
};

describe('SupportCaseNotifier', () => {
  const usEast1 = new SupportClient({ region: 'us-east-1' });

  it('opens one case per account and notification', async () => {
    supportMock.on(CreateCaseCommand).resolves({ caseId: 'case-1' });
    const markers = new MemoryMarkers();
    const support = new SupportCaseNotifier(usEast1, markers, { retryPolicy: FAST_RETRY });
    const outcomes = [await support.openCase(CASE), await support.openCase(CASE)];
    expect(outcomes).toStrictEqual([
      { status: 'sent', reference: 'case-1' },
      { status: 'duplicate' },
    ]);
    expect(supportMock.commandCalls(CreateCaseCommand).map((c) => c.args[0].input)).toStrictEqual([
      {
        subject: CASE.subject,
        communicationBody: CASE.body,
        serviceCode: CASE.serviceCode,
        categoryCode: CASE.categoryCode,
        severityCode: CASE.severityCode,
        language: 'en',
      },
    ]);
    expect([...markers.keys]).toStrictEqual(['supportCase#222222222222#ams-onboarding']);
  });

  it('releases the marker when the case could not be created, so a retry creates it', async () => {
    supportMock
      .on(CreateCaseCommand)
      .rejectsOnce(Object.assign(new Error('plan'), { name: 'SubscriptionRequiredException' }))
      .resolves({ caseId: 'case-2' });
    const support = new SupportCaseNotifier(usEast1, new MemoryMarkers(), {
      retryPolicy: FAST_RETRY,
    });
    await expect(support.openCase(CASE)).rejects.toMatchObject({
      code: 'AwsServiceError',
      context: { operation: 'CreateCase', accountId: '222222222222' },
    });
    expect(await support.openCase(CASE)).toStrictEqual({ status: 'sent', reference: 'case-2' });
  });

  it('retries throttling', async () => {
    supportMock
      .on(CreateCaseCommand)
      .rejectsOnce(Object.assign(new Error('slow'), { name: 'ThrottlingException' }))
      .resolves({ caseId: 'case-3' });
    const support = new SupportCaseNotifier(usEast1, new MemoryMarkers(), {
      retryPolicy: FAST_RETRY,
    });
    expect(await support.openCase(CASE)).toStrictEqual({ status: 'sent', reference: 'case-3' });
  });

  it('refuses a client outside us-east-1 before claiming anything', async () => {
    const markers = new MemoryMarkers();
    const support = new SupportCaseNotifier(new SupportClient({ region: 'eu-west-1' }), markers);
    await expect(support.openCase(CASE)).rejects.toMatchObject({
      code: 'InvalidRequest',
      message: 'The Support client must use us-east-1 (it uses eu-west-1)',
    });
    expect(markers.keys.size).toBe(0);
  });

  it('reports a response without case id and releases the marker', async () => {
    supportMock.on(CreateCaseCommand).resolves({});
    const markers = new MemoryMarkers();
    await expect(new SupportCaseNotifier(usEast1, markers).openCase(CASE)).rejects.toMatchObject({
      code: 'UnexpectedResponse',
    });
    expect(markers.keys.size).toBe(0);
  });
});

import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { CreateCaseCommand, SupportClient } from '@aws-sdk/client-support';
import type { IdempotencyStore } from '@org/scope-engine';
import { mockClient } from 'aws-sdk-client-mock';
import { FAST_RETRY } from '../../test/support/fast-retry';
import { SecretsManagerSecretProvider } from './secret-provider';
import { SnsTopicPublisher, toSnsSubject } from './sns-topic-publisher';
import { SupportCaseNotifier } from './support-case-notifier';
import { type FetchFunction, WebhookNotifier } from './webhook-notifier';
import { signBody, verifySignature } from './webhook-signature';

const supportMock = mockClient(SupportClient);
const snsMock = mockClient(SNSClient);
const secretsMock = mockClient(SecretsManagerClient);

beforeEach(() => {
  supportMock.reset();
  snsMock.reset();
  secretsMock.reset();
});

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

const SECRET = 'top-secret-value';
const secrets = { getSecret: jest.fn(async () => SECRET) };
const PAYLOAD = { accountId: '222222222222', subject: 's', body: 'b' };

function fetchReturning(...statuses: (number | Error)[]): jest.MockedFunction<FetchFunction> {
  const fetch = jest.fn<Promise<Response>, Parameters<FetchFunction>>();
  for (const status of statuses) {
    if (status instanceof Error) fetch.mockRejectedValueOnce(status);
    else fetch.mockResolvedValueOnce(new Response(null, { status }));
  }
  return fetch;
}

describe('WebhookNotifier', () => {
  it('POSTs the JSON body signed with HMAC-SHA256 in X-Signature', async () => {
    const fetch = fetchReturning(204);
    const webhooks = new WebhookNotifier(secrets, { fetch, retryPolicy: FAST_RETRY });
    expect(
      await webhooks.deliver({
        url: 'https://cmdb.example.com/h',
        secretArn: 'arn:s',
        payload: PAYLOAD,
      }),
    ).toStrictEqual({
      statusCode: 204,
    });
    const [url, init] = fetch.mock.calls[0] ?? [];
    const body = JSON.stringify(PAYLOAD);
    expect({ url, method: init?.method, body: init?.body, headers: init?.headers }).toStrictEqual({
      url: 'https://cmdb.example.com/h',
      method: 'POST',
      body,
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'org-governance/0.1.0',
        'X-Signature': signBody(body, SECRET),
      },
    });
    expect(verifySignature(body, signBody(body, SECRET), SECRET)).toBe(true);
  });

  it.each([
    ['5xx then success', [503, 200], { statusCode: 200 }, 2],
    ['429 then success', [429, 201], { statusCode: 201 }, 2],
    ['network error then success', [new TypeError('fetch failed'), 200], { statusCode: 200 }, 2],
    [
      'timeout then success',
      [Object.assign(new Error('t'), { name: 'TimeoutError' }), 200],
      { statusCode: 200 },
      2,
    ],
    [
      '4xx is final',
      [400],
      {
        code: 'WebhookDeliveryFailed',
        retryable: false,
        statusCode: 400,
        message: 'Webhook https://h.example.com failed after 1 attempt(s): HTTP 400',
      },
      1,
    ],
    [
      '5xx every time',
      [500, 502, 503],
      {
        code: 'WebhookDeliveryFailed',
        retryable: true,
        statusCode: 503,
        message: 'Webhook https://h.example.com failed after 3 attempt(s): HTTP 503',
      },
      3,
    ],
    [
      'timeouts every time',
      [1, 2, 3].map(() => Object.assign(new Error('t'), { name: 'TimeoutError' })),
      {
        retryable: true,
        statusCode: null,
        message: 'Webhook https://h.example.com failed after 3 attempt(s): timed out after 5000 ms',
      },
      3,
    ],
  ])('%s', async (_case, statuses, expected, calls) => {
    const fetch = fetchReturning(...statuses);
    const result = new WebhookNotifier(secrets, { fetch, retryPolicy: FAST_RETRY }).deliver({
      url: 'https://h.example.com',
      secretArn: 'arn:s',
      payload: PAYLOAD,
    });
    if ('code' in expected || 'retryable' in expected)
      await expect(result).rejects.toMatchObject(expected);
    else await expect(result).resolves.toStrictEqual(expected);
    expect(fetch).toHaveBeenCalledTimes(calls);
  });

  it('never puts the secret into errors', async () => {
    const fetch = fetchReturning(new Error(`boom ${'x'}`), 500, 500);
    const error = await new WebhookNotifier(secrets, { fetch, retryPolicy: FAST_RETRY })
      .deliver({ url: 'https://h.example.com', secretArn: 'arn:s', payload: PAYLOAD })
      .catch((caught: unknown) => caught);
    expect(JSON.stringify(error) + String(error)).not.toContain(SECRET);
  });

  it('verifySignature rejects a missing or different signature', () => {
    expect([
      verifySignature('{}', undefined, SECRET),
      verifySignature('{}', signBody('{}', 'other'), SECRET),
    ]).toStrictEqual([false, false]);
  });
});

describe('SecretsManagerSecretProvider', () => {
  it('reads and caches secret strings and binaries', async () => {
    secretsMock
      .on(GetSecretValueCommand, { SecretId: 'arn:a' })
      .resolves({ SecretString: 'alpha' })
      .on(GetSecretValueCommand, { SecretId: 'arn:b' })
      .resolves({ SecretBinary: new TextEncoder().encode('beta') });
    const provider = new SecretsManagerSecretProvider(
      new SecretsManagerClient({ region: 'us-east-1' }),
      {
        retryPolicy: FAST_RETRY,
      },
    );
    const values = [
      await provider.getSecret('arn:a'),
      await provider.getSecret('arn:a'),
      await provider.getSecret('arn:b'),
    ];
    expect(values).toStrictEqual(['alpha', 'alpha', 'beta']);
    expect(secretsMock.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('reports an empty secret without its value', async () => {
    secretsMock.on(GetSecretValueCommand).resolves({});
    const provider = new SecretsManagerSecretProvider(
      new SecretsManagerClient({ region: 'us-east-1' }),
    );
    await expect(provider.getSecret('arn:a')).rejects.toMatchObject({
      code: 'UnexpectedResponse',
      message: 'Secret arn:a has no value',
    });
  });
});

describe('SnsTopicPublisher', () => {
  const topics = new SnsTopicPublisher(new SNSClient({ region: 'us-east-1' }), {
    retryPolicy: FAST_RETRY,
  });

  it('publishes subject, message and string attributes', async () => {
    snsMock.on(PublishCommand).resolves({ MessageId: 'm-1' });
    expect(
      await topics.publish('arn:aws:sns:us-east-1:1:t', {
        subject: 'Failed',
        message: '{}',
        attributes: { accountId: '2' },
      }),
    ).toStrictEqual({ messageId: 'm-1' });
    expect(snsMock.commandCalls(PublishCommand)[0]?.args[0].input).toStrictEqual({
      TopicArn: 'arn:aws:sns:us-east-1:1:t',
      Subject: 'Failed',
      Message: '{}',
      MessageAttributes: { accountId: { DataType: 'String', StringValue: '2' } },
    });
  });

  it('retries throttling and reports NotFound topics', async () => {
    snsMock
      .on(PublishCommand)
      .rejectsOnce(Object.assign(new Error('x'), { name: 'Throttling' }))
      .rejects(Object.assign(new Error('x'), { name: 'NotFoundException' }));
    await expect(topics.publish('arn:t', { subject: 's', message: 'm' })).rejects.toMatchObject({
      code: 'NotFound',
      context: { operation: 'Publish', topicArn: 'arn:t' },
    });
    expect(snsMock.commandCalls(PublishCommand)).toHaveLength(2);
  });

  it.each([
    ['a\nb\r\n c', 'a b  c'],
    ['x'.repeat(120), `${'x'.repeat(99)}…`],
  ])('toSnsSubject(%j) = %j', (subject, expected) => expect(toSnsSubject(subject)).toBe(expected));
});

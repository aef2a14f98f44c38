import { inspect } from 'node:util';
import { WebhookDeliveryError } from '@org/aws-adapters';
import {
  SIGNATURE_HEADER,
  WebhookNotifier,
  verifyWebhookSignature,
  type FetchFunction,
  type HostResolver,
  type SecretProvider,
} from '@org/aws-adapters/notifiers';

/** A signing secret distinctive enough to be found anywhere it leaks. */
const SECRET = 'whsec_R3l1ab1l1ty-Must-Never-Leak-7f3a9c';
const REQUEST = {
  url: 'https://cmdb.example.com/hooks/accounts',
  secretArn: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:cmdb-hook-AbCdEf',
  payload: { accountId: '222233334444', subject: 'New account', body: 'hello' },
};
const secrets: SecretProvider = { getSecret: () => Promise.resolve(SECRET) };
const noSleep = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, sleep: () => Promise.resolve() };
/** cmdb.example.com resolves to a public address (no DNS in tests). */
const resolveHost: HostResolver = () => Promise.resolve([{ address: '203.0.113.10', family: 4 }]);

/** Everything an error would show in a log line: message, JSON, and the full inspected object. */
const everything = (error: unknown) =>
  [String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })].join(
    '\n',
  );

/** A fetch that records each request and answers with `respond`. */
function recordingFetch(respond: () => Promise<Response>) {
  const requests: { url: string; headers: Record<string, string>; body: string }[] = [];
  const fetch: FetchFunction = (url, init) => {
    requests.push({
      url,
      headers: { ...(init.headers as Record<string, string>) },
      body: String(init.body),
    });
    return respond();
  };
  return { fetch, requests };
}

describe('webhook signing secrets never leave the notifier', () => {
  it('sends the signature, never the secret, in the request', async () => {
    const { fetch, requests } = recordingFetch(() =>
      Promise.resolve(new Response(null, { status: 204 })),
    );
    await expect(
      new WebhookNotifier(secrets, { fetch, retryPolicy: noSleep, resolveHost }).deliver(REQUEST),
    ).resolves.toStrictEqual({
      statusCode: 204,
    });
    const [sent] = requests;
    expect({
      requests: requests.length,
      leaks: JSON.stringify(requests).includes(SECRET),
      signed: verifyWebhookSignature({
        header: sent?.headers[SIGNATURE_HEADER],
        body: sent?.body ?? '',
        secrets: SECRET,
      }).valid,
    }).toStrictEqual({ requests: 1, leaks: false, signed: true });
  });

  it.each([
    [
      'HTTP 500 on every attempt',
      () => Promise.resolve(new Response(`echo ${SECRET}`, { status: 500 })),
      3,
    ],
    [
      'HTTP 400 echoing the request',
      () => Promise.resolve(new Response(`bad ${SECRET}`, { status: 400 })),
      1,
    ],
    [
      'a network error',
      () =>
        Promise.reject(
          new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:443') }),
        ),
      3,
    ],
    [
      'a timeout',
      () =>
        Promise.reject(
          new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
        ),
      3,
    ],
  ])(
    'fails with a WebhookDeliveryError that does not contain the secret: %s',
    async (_label, respond, attempts) => {
      const { fetch, requests } = recordingFetch(respond);
      const error: unknown = await new WebhookNotifier(secrets, {
        fetch,
        retryPolicy: noSleep,
        resolveHost,
      })
        .deliver(REQUEST)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect({
        isDeliveryError: error instanceof WebhookDeliveryError,
        attempts: requests.length,
        leaks: everything(error).includes(SECRET),
      }).toStrictEqual({ isDeliveryError: true, attempts, leaks: false });
    },
  );
});

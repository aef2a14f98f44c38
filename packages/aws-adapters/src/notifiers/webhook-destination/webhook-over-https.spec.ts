/**
 * The notifier against real HTTPS servers on 127.0.0.1 with the test certificate: the only
 * exemption is the test's `allowAddresses: ['127.0.0.1']`; every other check is the real one.
 */
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { startHttpsReceiver, type HttpsReceiver } from '../../../test/support/https-receiver';
import { FAST_RETRY } from '../../../test/support/fast-retry';
import { TEST_TLS_CERT } from '@org/emulators';
import { WebhookNotifier, type WebhookNotifierOptions } from '../webhook-notifier';
import { verifyWebhookSignature } from '../webhook-signature';
import type { HostResolver } from './check-destination';

const SECRET = 'https-test-secret';
const secrets = { getSecret: () => Promise.resolve(SECRET) };
const PAYLOAD = { eventId: 'e-1', accountId: '222222222222' };

/** Every name resolves to 127.0.0.1 (the test servers), counting lookups. */
function localResolver(): jest.MockedFunction<HostResolver> {
  return jest.fn<ReturnType<HostResolver>, Parameters<HostResolver>>(() =>
    Promise.resolve([{ address: '127.0.0.1', family: 4 }]),
  );
}

/** A notifier that may reach 127.0.0.1 and trusts the test certificate. */
function localNotifier(extra: WebhookNotifierOptions = {}): WebhookNotifier {
  return new WebhookNotifier(secrets, {
    resolveHost: localResolver(),
    allowAddresses: ['127.0.0.1'],
    trustedCa: TEST_TLS_CERT,
    retryPolicy: FAST_RETRY,
    timeoutMs: 5_000,
    ...extra,
  });
}

describe('WebhookNotifier over HTTPS', () => {
  let receiver: HttpsReceiver;
  let elsewhere: HttpsReceiver;

  beforeEach(async () => {
    elsewhere = await startHttpsReceiver();
    receiver = await startHttpsReceiver(() => ({
      status: 307,
      headers: { Location: `https://other.hooks.test:${elsewhere.port}/stolen` },
    }));
  });

  afterEach(async () => {
    await Promise.all([receiver.close(), elsewhere.close()]);
  });

  it('delivers a body whose signature the receiver verifies, connecting to the checked address', async () => {
    const resolveHost = localResolver();
    const result = await localNotifier({ resolveHost }).deliver({
      url: `https://hooks.test:${elsewhere.port}/hooks?x=1`,
      secretArn: 'arn:s',
      payload: PAYLOAD,
    });
    const [request] = elsewhere.requests;
    expect({
      result,
      lookups: resolveHost.mock.calls,
      method: request?.method,
      path: request?.path,
      host: request?.headers.host,
      body: request?.body,
      check: verifyWebhookSignature({
        header: request?.headers['x-signature'],
        body: request?.body ?? '',
        secrets: SECRET,
      }).valid,
    }).toStrictEqual({
      result: { statusCode: 204 },
      // hooks.test is not in any DNS: the request reached the server through the pinned address.
      lookups: [['hooks.test']],
      method: 'POST',
      path: '/hooks?x=1',
      host: `hooks.test:${elsewhere.port}`,
      body: JSON.stringify(PAYLOAD),
      check: true,
    });
  });

  it('never follows a 307: the redirect target receives nothing', async () => {
    const error = await localNotifier()
      .deliver({
        url: `https://hooks.test:${receiver.port}/h`,
        secretArn: 'arn:s',
        payload: PAYLOAD,
      })
      .catch((caught: unknown) => caught);
    expect({
      message: (error as Error).message,
      retryable: (error as { retryable?: boolean }).retryable,
      first: receiver.requests.length,
      redirectTarget: elsewhere.requests.length,
    }).toStrictEqual({
      message: `Webhook https://hooks.test:${receiver.port}/h failed after 1 attempt(s): HTTP 307: redirects are refused (the Location was not followed)`,
      retryable: false,
      first: 1,
      redirectTarget: 0,
    });
  });

  it.each([
    ['127.0.0.1', 'a loopback address, which webhooks may never reach'],
    ['169.254.169.254', 'a metadata address, which webhooks may never reach'],
  ])(
    'with the production policy, a name resolving to %s is refused before connecting',
    async (address, reason) => {
      const production = new WebhookNotifier(secrets, {
        resolveHost: () => Promise.resolve([{ address, family: 4 }]),
        trustedCa: TEST_TLS_CERT,
        retryPolicy: FAST_RETRY,
      });
      const url = `https://hooks.test:${elsewhere.port}/h`;
      await expect(
        production.deliver({ url, secretArn: 'arn:s', payload: PAYLOAD }),
      ).rejects.toMatchObject({
        message: `Webhook ${url} failed after 1 attempt(s): refused: hooks.test resolves to ${address}: ${reason}`,
        retryable: false,
      });
      expect(elsewhere.requests).toHaveLength(0);
    },
  );

  it('refuses user-info and http:// before connecting', async () => {
    const notifier = localNotifier();
    const results = await Promise.all(
      [
        `https://user:pw@hooks.test:${elsewhere.port}/h`,
        `http://hooks.test:${elsewhere.port}/h`,
      ].map((url) =>
        notifier
          .deliver({ url, secretArn: 'arn:s', payload: PAYLOAD })
          .catch((caught: Error) => caught.message),
      ),
    );
    expect({ results, received: elsewhere.requests.length }).toStrictEqual({
      results: [
        `Webhook https://hooks.test:${elsewhere.port}/h refused: URLs with user-info (user:password@host) are refused`,
        `Webhook http://hooks.test:${elsewhere.port}/h refused: only https:// URLs are allowed (got http://)`,
      ],
      received: 0,
    });
  });

  it.each([
    {
      name: 'checks the certificate against the host name, not the address',
      options: {},
      host: 'wrong-name.example',
      message:
        "network error (Hostname/IP does not match certificate's altnames: Host: wrong-name.example. is not in the cert's altnames: DNS:hooks.test",
    },
    {
      name: 'does not trust the test certificate unless told to',
      options: { trustedCa: undefined },
      host: 'hooks.test',
      message: 'network error (self-signed certificate: DEPTH_ZERO_SELF_SIGNED_CERT)',
    },
  ])('$name', async ({ options, host, message }) => {
    const error = await localNotifier({
      ...options,
      retryPolicy: { ...FAST_RETRY, maxAttempts: 1 },
    })
      .deliver({ url: `https://${host}:${elsewhere.port}/h`, secretArn: 'arn:s', payload: PAYLOAD })
      .then(
        () => new Error('delivered'),
        (caught: Error) => caught,
      );
    expect({ message: error.message, received: elsewhere.requests.length }).toStrictEqual({
      message: expect.stringContaining(message) as unknown,
      received: 0,
    });
  });

  it('times out a receiver that never answers', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const error = await localNotifier({
      timeoutMs: 200,
      retryPolicy: { ...FAST_RETRY, maxAttempts: 1 },
    })
      .deliver({ url: `https://hooks.test:${port}/h`, secretArn: 'arn:s', payload: PAYLOAD })
      .then(
        () => new Error('delivered'),
        (caught: Error) => caught,
      );
    const received = sockets.length;
    sockets.forEach((socket) => socket.destroy());
    await new Promise((resolve) => silent.close(resolve));
    expect({ message: error.message, received }).toStrictEqual({
      message: `Webhook https://hooks.test:${port}/h failed after 1 attempt(s): timed out after 200 ms`,
      received: 1,
    });
  });
});

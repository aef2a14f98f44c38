import { inspect } from 'node:util';
import { FAST_RETRY } from '../../test/support/fast-retry';
import { WebhookDeliveryError } from '../errors';
import type { FetchFunction } from './webhook-destination/pinned-https-fetch';
import type { HostResolver } from './webhook-destination/check-destination';
import { WebhookNotifier, type WebhookNotifierOptions } from './webhook-notifier';
import { signatureHeader, verifyWebhookSignature } from './webhook-signature';

const SECRET = 'top-secret-value';
const secrets = { getSecret: jest.fn(async () => SECRET) };
const PAYLOAD = { accountId: '222222222222', subject: 's', body: 'b' };
const NOW_MS = 1_767_225_600_123;
const NOW_S = 1_767_225_600;
const PUBLIC = { address: '203.0.113.10', family: 4 } as const;

/** A resolver answering every name with `addresses`. */
const resolvingTo =
  (...addresses: string[]): HostResolver =>
  () =>
    Promise.resolve(
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );

/** Options of a notifier whose names resolve to a public address, with a fixed clock. */
const options = (
  fetch: FetchFunction,
  extra: WebhookNotifierOptions = {},
): WebhookNotifierOptions => ({
  fetch,
  retryPolicy: FAST_RETRY,
  resolveHost: resolvingTo(PUBLIC.address),
  now: () => NOW_MS,
  ...extra,
});

function fetchReturning(...statuses: (number | Error)[]): jest.MockedFunction<FetchFunction> {
  const fetch = jest.fn<Promise<Response>, Parameters<FetchFunction>>();
  for (const status of statuses) {
    if (status instanceof Error) fetch.mockRejectedValueOnce(status);
    else fetch.mockResolvedValueOnce(new Response(null, { status }));
  }
  return fetch;
}

describe('WebhookNotifier', () => {
  it('POSTs the JSON body signed as t=<seconds>,v1=<HMAC-SHA256 of "<t>.<body>">, to the checked address', async () => {
    const fetch = fetchReturning(204);
    const webhooks = new WebhookNotifier(secrets, options(fetch));
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
    expect({
      url,
      method: init?.method,
      body: init?.body,
      headers: init?.headers,
      redirect: init?.redirect,
      connectTo: init?.connectTo,
    }).toStrictEqual({
      url: 'https://cmdb.example.com/h',
      method: 'POST',
      body,
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'org-governance/0.1.0',
        'X-Signature': signatureHeader(body, [SECRET], NOW_S),
      },
      redirect: 'manual',
      connectTo: PUBLIC,
    });
    const header = (init?.headers as Record<string, string>)['X-Signature'];
    expect(
      verifyWebhookSignature({ header, body, secrets: SECRET, now: NOW_S + 10 }),
    ).toStrictEqual({
      valid: true,
      timestamp: NOW_S,
    });
  });

  it('signs with every active secret during a rotation, current first', async () => {
    const fetch = fetchReturning(200);
    const rotating = {
      getSecret: () => Promise.reject(new Error('not used')),
      getSigningSecrets: () => Promise.resolve(['new', 'old']),
    };
    await new WebhookNotifier(rotating, options(fetch)).deliver({
      url: 'https://h.example.com',
      secretArn: 'arn:s',
      payload: PAYLOAD,
    });
    const header = (fetch.mock.calls[0]?.[1].headers as Record<string, string>)['X-Signature'];
    const body = JSON.stringify(PAYLOAD);
    expect({
      header,
      oldReceiver: verifyWebhookSignature({ header, body, secrets: 'old', now: NOW_S }).valid,
      newReceiver: verifyWebhookSignature({ header, body, secrets: 'new', now: NOW_S }).valid,
    }).toStrictEqual({
      header: signatureHeader(body, ['new', 'old'], NOW_S),
      oldReceiver: true,
      newReceiver: true,
    });
  });

  it('reads the JSON rotation form from a provider without getSigningSecrets', async () => {
    const fetch = fetchReturning(200);
    const jsonSecret = { getSecret: () => Promise.resolve('{"current":"new","previous":"old"}') };
    await new WebhookNotifier(jsonSecret, options(fetch)).deliver({
      url: 'https://h.example.com',
      secretArn: 'arn:s',
      payload: PAYLOAD,
    });
    expect((fetch.mock.calls[0]?.[1].headers as Record<string, string>)['X-Signature']).toBe(
      signatureHeader(JSON.stringify(PAYLOAD), ['new', 'old'], NOW_S),
    );
  });

  it.each<[string, string, HostResolver, boolean | undefined, string]>([
    [
      'http://',
      'http://h.example.com/h',
      resolvingTo(PUBLIC.address),
      undefined,
      'refused: only https:// URLs are allowed (got http://)',
    ],
    [
      'user-info',
      'https://u:p@h.example.com/h',
      resolvingTo(PUBLIC.address),
      undefined,
      'refused: URLs with user-info (user:password@host) are refused',
    ],
    [
      'a name resolving to instance metadata',
      'https://h.example.com/h',
      resolvingTo('169.254.169.254'),
      true,
      'failed after 1 attempt(s): refused: h.example.com resolves to 169.254.169.254: a metadata address, which webhooks may never reach',
    ],
    [
      'a name resolving to loopback',
      'https://h.example.com/h',
      resolvingTo('127.0.0.1'),
      undefined,
      'failed after 1 attempt(s): refused: h.example.com resolves to 127.0.0.1: a loopback address, which webhooks may never reach',
    ],
    [
      'a private address without allowPrivateNetwork',
      'https://h.example.com/h',
      resolvingTo('192.168.1.20'),
      false,
      'failed after 1 attempt(s): refused: h.example.com resolves to 192.168.1.20: a private address, allowed only for targets with allowPrivateNetwork: true',
    ],
  ])(
    'refuses %s without sending anything or retrying',
    async (_case, url, resolveHost, allowPrivateNetwork, reason) => {
      const fetch = fetchReturning(204);
      const error = await new WebhookNotifier(secrets, options(fetch, { resolveHost }))
        .deliver({ url, secretArn: 'arn:s', payload: PAYLOAD, allowPrivateNetwork })
        .catch((caught: unknown) => caught);
      expect({
        message: (error as Error).message,
        code: (error as WebhookDeliveryError).code,
        retryable: (error as WebhookDeliveryError).retryable,
        sent: fetch.mock.calls.length,
      }).toStrictEqual({
        message: `Webhook ${url.replace('u:p@', '')} ${reason}`,
        code: 'WebhookDeliveryFailed',
        retryable: false,
        sent: 0,
      });
    },
  );

  it('delivers to a private address when the target allows the private network', async () => {
    const fetch = fetchReturning(202);
    const result = await new WebhookNotifier(
      secrets,
      options(fetch, { resolveHost: resolvingTo('10.0.0.5') }),
    ).deliver({
      url: 'https://cmdb.internal/h',
      secretArn: 'arn:s',
      payload: PAYLOAD,
      allowPrivateNetwork: true,
    });
    expect({ result, connectTo: fetch.mock.calls[0]?.[1].connectTo }).toStrictEqual({
      result: { statusCode: 202 },
      connectTo: { address: '10.0.0.5', family: 4 },
    });
  });

  it('retries an unknown host as a network error', async () => {
    const fetch = fetchReturning(204);
    const resolveHost = jest
      .fn<ReturnType<HostResolver>, Parameters<HostResolver>>()
      .mockRejectedValueOnce(
        Object.assign(new Error('getaddrinfo ENOTFOUND h.example.com'), { code: 'ENOTFOUND' }),
      )
      .mockResolvedValue([PUBLIC]);
    const result = await new WebhookNotifier(secrets, options(fetch, { resolveHost })).deliver({
      url: 'https://h.example.com/h',
      secretArn: 'arn:s',
      payload: PAYLOAD,
    });
    expect({ result, lookups: resolveHost.mock.calls.length }).toStrictEqual({
      result: { statusCode: 204 },
      lookups: 2,
    });
  });

  /** Delivers {@link PAYLOAD} to h.example.com through a fetch answering `statuses` in turn. */
  function deliverThrough(statuses: (number | Error)[]) {
    const fetch = fetchReturning(...statuses);
    const result = new WebhookNotifier(secrets, options(fetch)).deliver({
      url: 'https://h.example.com',
      secretArn: 'arn:s',
      payload: PAYLOAD,
    });
    return { fetch, result };
  }

  it.each<[string, (number | Error)[], { statusCode: number }, number]>([
    ['5xx then success', [503, 200], { statusCode: 200 }, 2],
    ['429 then success', [429, 201], { statusCode: 201 }, 2],
    ['network error then success', [new TypeError('fetch failed'), 200], { statusCode: 200 }, 2],
    [
      'timeout then success',
      [Object.assign(new Error('t'), { name: 'TimeoutError' }), 200],
      { statusCode: 200 },
      2,
    ],
  ])('%s', async (_case, statuses, expected, calls) => {
    const { fetch, result } = deliverThrough(statuses);
    await expect(result).resolves.toStrictEqual(expected);
    expect(fetch).toHaveBeenCalledTimes(calls);
  });

  it.each<[string, (number | Error)[], Record<string, unknown>, number]>([
    [
      'a redirect is final and never followed',
      [307],
      {
        code: 'WebhookDeliveryFailed',
        retryable: false,
        statusCode: 307,
        message:
          'Webhook https://h.example.com failed after 1 attempt(s): HTTP 307: redirects are refused (the Location was not followed)',
      },
      1,
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
    const { fetch, result } = deliverThrough(statuses);
    await expect(result).rejects.toMatchObject(expected);
    expect(fetch).toHaveBeenCalledTimes(calls);
  });

  it('never puts the secret into errors', async () => {
    const fetch = fetchReturning(new Error(`boom ${'x'}`), 500, 500);
    const error = await new WebhookNotifier(secrets, options(fetch))
      .deliver({ url: 'https://h.example.com', secretArn: 'arn:s', payload: PAYLOAD })
      .then(
        () => new Error('the delivery succeeded'),
        (caught: unknown) => caught,
      );
    expect({
      isDeliveryError: error instanceof WebhookDeliveryError,
      message: (error as Error).message,
      code: (error as WebhookDeliveryError).code,
      retryable: (error as WebhookDeliveryError).retryable,
    }).toStrictEqual({
      isDeliveryError: true,
      message: 'Webhook https://h.example.com failed after 3 attempt(s): HTTP 500',
      code: 'WebhookDeliveryFailed',
      retryable: true,
    });
    expect(JSON.stringify(error) + String(error)).not.toContain(SECRET);
  });

  const SECRET_URL = 'https://cmdb.example.com/hooks/tok3nInPath99?api_key=q5ecret';

  describe.each([
    ['an HTTP error', [403], 'HTTP 403'],
    ['a 5xx every time', [500, 500, 500], 'HTTP 500'],
    [
      'a network error naming the URL',
      [1, 2, 3].map(() =>
        Object.assign(new TypeError(`Failed to parse URL from ${SECRET_URL}`), {
          cause: { code: 'ERR_INVALID_URL' },
        }),
      ),
      'network error (Failed to parse URL from https://cmdb.example.com/hooks/***: ERR_INVALID_URL)',
    ],
  ])('a failure with credentials and tokens in the URL: %s', (_name, statuses, reason) => {
    it('shows only the redacted URL, in the message and every property', async () => {
      const error = await new WebhookNotifier(secrets, options(fetchReturning(...statuses)))
        .deliver({ url: SECRET_URL, secretArn: 'arn:s', payload: PAYLOAD })
        .catch((caught: unknown) => caught);
      const shown = `${inspect(error, { depth: 5 })}${JSON.stringify(error)}${String(error)}`;
      expect({
        isDeliveryError: error instanceof WebhookDeliveryError,
        message: (error as Error).message,
        context: (error as WebhookDeliveryError).context,
        leaks: ['tok3nInPath99', 'api_key', 'q5ecret', SECRET].filter((part) =>
          shown.includes(part),
        ),
      }).toStrictEqual({
        isDeliveryError: true,
        message: `Webhook https://cmdb.example.com/hooks/*** failed after ${statuses.length} attempt(s): ${reason}`,
        context: { operation: 'DeliverWebhook', url: 'https://cmdb.example.com/hooks/***' },
        leaks: [],
      });
    });
  });

  it('refuses user-info without showing it', async () => {
    const error = await new WebhookNotifier(secrets, options(fetchReturning(204)))
      .deliver({
        url: 'https://hook-user:hook-pass@cmdb.example.com/hooks/tok3nInPath99',
        secretArn: 'arn:s',
        payload: PAYLOAD,
      })
      .catch((caught: unknown) => caught);
    const shown = `${inspect(error, { depth: 5 })}${JSON.stringify(error)}${String(error)}`;
    expect(
      ['hook-user', 'hook-pass', 'tok3nInPath99'].filter((part) => shown.includes(part)),
    ).toStrictEqual([]);
  });
});

import { inspect } from 'node:util';
import { FAST_RETRY } from '../../test/support/fast-retry';
import { WebhookDeliveryError } from '../errors';
import { type FetchFunction, WebhookNotifier } from './webhook-notifier';
import { signBody, verifySignature } from './webhook-signature';

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

  /** Delivers {@link PAYLOAD} to h.example.com through a fetch answering `statuses` in turn. */
  function deliverThrough(statuses: (number | Error)[]) {
    const fetch = fetchReturning(...statuses);
    const result = new WebhookNotifier(secrets, { fetch, retryPolicy: FAST_RETRY }).deliver({
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
    const error = await new WebhookNotifier(secrets, { fetch, retryPolicy: FAST_RETRY })
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

  const SECRET_URL =
    'https://hook-user:hook-pass@cmdb.example.com/hooks/tok3nInPath99?api_key=q5ecret';

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
      const error = await new WebhookNotifier(secrets, {
        fetch: fetchReturning(...statuses),
        retryPolicy: FAST_RETRY,
      })
        .deliver({ url: SECRET_URL, secretArn: 'arn:s', payload: PAYLOAD })
        .catch((caught: unknown) => caught);
      const shown = `${inspect(error, { depth: 5 })}${JSON.stringify(error)}${String(error)}`;
      expect({
        isDeliveryError: error instanceof WebhookDeliveryError,
        message: (error as Error).message,
        context: (error as WebhookDeliveryError).context,
        leaks: ['hook-user', 'hook-pass', 'tok3nInPath99', 'api_key', 'q5ecret', SECRET].filter(
          (part) => shown.includes(part),
        ),
      }).toStrictEqual({
        isDeliveryError: true,
        message: `Webhook https://cmdb.example.com/hooks/*** failed after ${statuses.length} attempt(s): ${reason}`,
        context: { operation: 'DeliverWebhook', url: 'https://cmdb.example.com/hooks/***' },
        leaks: [],
      });
    });
  });

  it('verifySignature rejects a missing or different signature', () => {
    expect([
      verifySignature('{}', undefined, SECRET),
      verifySignature('{}', signBody('{}', 'other'), SECRET),
    ]).toStrictEqual([false, false]);
  });
});
